import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Collapse, Flex, Table, type TableColumnsType, Tag, Typography, theme } from 'antd';
import type { CheckLine, FourChecksReport } from '../../api/archives';
import { PROPERTIES, PROPERTY_LABELS } from './archiveLabels';

type Outcome = 'passed' | 'failed' | 'warning';
const outcomeOf = (l: CheckLine): Outcome => (l.passed ? 'passed' : l.severity === 'warning' ? 'warning' : 'failed');

function OutcomeTag({ outcome }: { outcome: Outcome }) {
  if (outcome === 'passed')
    return (
      <Tag color="success" icon={<CheckCircleFilled />}>
        通过
      </Tag>
    );
  if (outcome === 'warning')
    return (
      <Tag color="warning" icon={<ExclamationCircleFilled />}>
        提示
      </Tag>
    );
  return (
    <Tag color="error" icon={<CloseCircleFilled />}>
      未通过
    </Tag>
  );
}

/** The four properties at a glance: each passed or with its failures counted. */
export function FourChecksSummary({ report }: { report: FourChecksReport }) {
  return (
    <Flex wrap gap={6} data-testid="four-checks-summary">
      {PROPERTIES.map((p) => {
        const s = report.summary[p];
        return (
          <Tag key={p} color={s.passed ? 'success' : 'error'} data-testid={`four-checks-${p}`}>
            {PROPERTY_LABELS[p]} {s.passed ? `通过(${s.checks} 项)` : `未通过 ${s.failures} 项 / 共 ${s.checks} 项`}
          </Tag>
        );
      })}
    </Flex>
  );
}

/**
 * A 四性检测 report grouped by property: the summary, then each property's lines (整卷 or 第 n 件《题名》),
 * failures in red and warnings in amber; a property with a failure starts open.
 */
export function FourChecksView({ report, titleOf }: { report: FourChecksReport; titleOf: (position: number) => string | undefined }) {
  const { token } = theme.useToken();
  const columns: TableColumnsType<CheckLine & { key: number }> = [
    {
      title: '对象',
      key: 'item',
      width: 200,
      render: (_, l) => (l.item === null ? '整卷' : `第 ${l.item} 件${titleOf(l.item) ? `《${titleOf(l.item)}》` : ''}`),
    },
    { title: '检测项', dataIndex: 'name', width: 220 },
    { title: '结果', key: 'passed', width: 96, render: (_, l) => <OutcomeTag outcome={outcomeOf(l)} /> },
    { title: '说明', dataIndex: 'detail', render: (d: string) => <span style={{ wordBreak: 'break-all' }}>{d}</span> },
  ];
  const background: Record<Outcome, string | undefined> = { passed: undefined, failed: token.colorErrorBg, warning: token.colorWarningBg };
  const open = PROPERTIES.filter((p) => report.lines.some((l) => l.property === p && outcomeOf(l) !== 'passed'));

  return (
    <Flex vertical gap={8} data-testid="four-checks-report">
      <Flex wrap gap={8} align="center">
        <Typography.Text strong data-testid="four-checks-verdict" type={report.passed ? 'success' : 'danger'}>
          {report.passed ? '四性检测通过' : '四性检测未通过'}
        </Typography.Text>
        <FourChecksSummary report={report} />
      </Flex>
      <Collapse
        size="small"
        defaultActiveKey={open}
        items={PROPERTIES.map((p) => {
          const lines = report.lines.filter((l) => l.property === p).map((l, i) => ({ ...l, key: i }));
          const s = report.summary[p];
          const warnings = lines.filter((l) => outcomeOf(l) === 'warning').length;
          return {
            key: p,
            label: (
              <Flex wrap gap={8} align="center" data-testid={`four-checks-group-${p}`}>
                <Typography.Text strong>{PROPERTY_LABELS[p]}</Typography.Text>
                {s.passed ? <Tag color="success">通过</Tag> : <Tag color="error">未通过 {s.failures} 项</Tag>}
                {warnings > 0 && <Tag color="warning">提示 {warnings} 项</Tag>}
                <Typography.Text type="secondary">共 {s.checks} 项检测</Typography.Text>
              </Flex>
            ),
            children:
              lines.length === 0 ? (
                <Typography.Text type="secondary">没有需要检测的项目</Typography.Text>
              ) : (
                <Table
                  size="small"
                  rowKey="key"
                  columns={columns}
                  dataSource={lines}
                  pagination={false}
                  scroll={{ x: 760 }}
                  aria-label={`${PROPERTY_LABELS[p]}检测结果`}
                  onRow={(l) => ({
                    style: { background: background[outcomeOf(l)] },
                    'data-outcome': outcomeOf(l),
                  })}
                />
              ),
          };
        })}
      />
    </Flex>
  );
}
