import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Empty, Flex, Tooltip, Typography } from 'antd';
import type { PreCheck } from '../../api/reviews';

const STATUS = {
  pass: { text: '通过', color: '#52c41a' },
  fail: { text: '不通过', color: '#ff4d4f' },
  attention: { text: '请注意', color: '#faad14' },
} as const;

/** 通过 green tick, 不通过 red cross, 请注意 amber mark. */
export function PreCheckIcon({ status }: { status: string }) {
  if (status === 'pass') return <CheckCircleFilled style={{ color: STATUS.pass.color }} aria-label={STATUS.pass.text} />;
  if (status === 'fail') return <CloseCircleFilled style={{ color: STATUS.fail.color }} aria-label={STATUS.fail.text} />;
  return <ExclamationCircleFilled style={{ color: STATUS.attention.color }} aria-label={STATUS.attention.text} />;
}

/** The pre-checks as counts per result (a list row): the failed and noted ones named in the tooltip. */
export function PreCheckSummary({ checks }: { checks: readonly PreCheck[] }) {
  const flagged = checks.filter((c) => c.status !== 'pass');
  return (
    <Tooltip
      title={
        flagged.length > 0
          ? flagged.map((c) => (
              <div key={c.key}>
                {c.label}:{c.detail}
              </div>
            ))
          : '各项均通过'
      }
    >
      <Flex gap={8}>
        {(['pass', 'fail', 'attention'] as const).map((status) => {
          const n = checks.filter((c) => c.status === status).length;
          return n === 0 ? null : (
            <span key={status}>
              <PreCheckIcon status={status} /> {n}
            </span>
          );
        })}
      </Flex>
    </Tooltip>
  );
}

const statusText = (status: string): string => (status in STATUS ? STATUS[status as keyof typeof STATUS].text : status);

/**
 * 自动预审: what the platform checked at submission (stored with the round, so a later change shows as a
 * difference rather than a rewritten past), each with a link to what it looked at.
 */
export function PreChecksList({ checks }: { checks: readonly PreCheck[] }) {
  if (checks.length === 0) return <Empty description="无自动预审结果" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Flex vertical gap={12} data-testid="review-prechecks">
      {checks.map((check) => (
        <Flex key={check.key} gap={8} align="start" data-testid={`review-precheck-${check.key}`} data-status={check.status}>
          <span style={{ paddingTop: 2 }}>
            <PreCheckIcon status={check.status} />
          </span>
          <Flex vertical gap={2}>
            <Typography.Text strong>
              {check.label} · {statusText(check.status)}
            </Typography.Text>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{check.detail}</Typography.Text>
            {check.link && (
              <Typography.Link href={check.link} target="_blank" rel="noopener">
                查看依据
              </Typography.Link>
            )}
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
}
