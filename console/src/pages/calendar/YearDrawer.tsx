import { Alert, App, Button, Descriptions, Drawer, Flex, Grid, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { approveCalendarYear, type CalendarYearDetail, getCalendarYear } from '../../api/calendar';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useCan, useMe } from '../../session/SessionContext';
import { yearStatusTag } from './calendarLabels';
import { useActorNames } from './useActorNames';
import { YearGrid } from './YearGrid';

interface BodyProps {
  year: number;
  refreshKey: number;
  onEdit: (detail: CalendarYearDetail) => void;
  onChanged: () => void;
}

function YearDrawerBody({ year, refreshKey, onEdit, onChanged }: BodyProps) {
  const { message } = App.useApp();
  const can = useCan();
  const me = useMe();
  const showError = useErrorMessage();
  const [busy, setBusy] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refreshKey` re-reads after a correction made in the form.
  const load = useCallback(() => getCalendarYear(year), [year, refreshKey]);
  const detail = useAsync(load);
  const actorName = useActorNames([detail.data?.submittedBy ?? null, detail.data?.approvedBy ?? null]);

  if (detail.error) return detail.error.status === 401 ? null : <Alert type="error" showIcon title={detail.error.message} />;
  const d = detail.data;
  if (!d) return <Skeleton active />;
  const tag = yearStatusTag(d.status);
  const pending = d.status === 'draft' && can('calendar.manage');
  const ownEntry = d.submittedBy === me.user.id;

  const approve = async () => {
    setBusy(true);
    try {
      await approveCalendarYear(d.year);
      message.success(`${d.year} 年节假日安排已审核生效,即日起参与期限计算`, 6);
      detail.reload();
      onChanged();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {d.status === 'draft' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="待审核:尚不参与期限计算"
          description="请与国务院办公厅放假通知逐日核对下面的月历,无误后审核通过;审核通过后不能再修改。"
        />
      )}
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered style={{ marginBottom: 12 }} data-testid="calendar-year-details">
        <Descriptions.Item label="年份">{d.year} 年</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={tag.color} data-testid="calendar-year-status">
            {tag.label}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label="依据" span={2}>
          {d.noticeUrl ? (
            <a href={d.noticeUrl} target="_blank" rel="noreferrer noopener">
              {d.noticeNumber}
            </a>
          ) : (
            d.noticeNumber
          )}
        </Descriptions.Item>
        <Descriptions.Item label="法定节假日">{d.holidays.length} 天</Descriptions.Item>
        <Descriptions.Item label="调休上班日">{d.workdays.length} 天</Descriptions.Item>
        <Descriptions.Item label="录入">
          {actorName(d.submittedBy)}
          <br />
          <Typography.Text type="secondary">{formatTime(d.submittedAt)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="审核">
          {d.approvedBy ? (
            <>
              {actorName(d.approvedBy)}
              <br />
              <Typography.Text type="secondary">{formatTime(d.approvedAt)}</Typography.Text>
            </>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="内容摘要" span={2}>
          <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
            {d.digest}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {pending && (
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Button onClick={() => onEdit(d)} data-testid="calendar-year-edit">
            修改
          </Button>
          <Popconfirm
            title={`审核通过 ${d.year} 年节假日安排`}
            description={
              <div style={{ maxWidth: 320 }}>
                审核通过后立即参与期限计算,且不能再修改。
                {ownEntry && <div style={{ color: '#d46b08', marginTop: 4 }}>您是这份安排的录入人,建议由另一名系统管理员核对后审核。</div>}
              </div>
            }
            okText="审核通过"
            cancelText="取消"
            onConfirm={approve}
          >
            <Button type="primary" loading={busy} data-testid="calendar-year-approve">
              审核通过
            </Button>
          </Popconfirm>
        </Flex>
      )}
      <YearGrid year={d.year} holidays={d.holidays} workdays={d.workdays} />
    </>
  );
}

export function YearDrawer(props: {
  year: number | null;
  refreshKey: number;
  onClose: () => void;
  onEdit: (detail: CalendarYearDetail) => void;
  onChanged: () => void;
}) {
  const compact = Grid.useBreakpoint().md === false;
  return (
    <Drawer
      open={props.year !== null}
      onClose={props.onClose}
      title={props.year === null ? '' : `${props.year} 年节假日安排`}
      size={compact ? '100%' : 980}
      destroyOnHidden
      data-testid="calendar-year-drawer"
    >
      {props.year !== null && (
        <YearDrawerBody
          key={props.year}
          year={props.year}
          refreshKey={props.refreshKey}
          onEdit={props.onEdit}
          onChanged={props.onChanged}
        />
      )}
    </Drawer>
  );
}
