import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Table, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { type CalendarYear, type CalendarYearDetail, listCalendarYears } from '../../api/calendar';
import { useAsync } from '../../hooks/useAsync';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useCan } from '../../session/SessionContext';
import { DeadlineCalculator } from './DeadlineCalculator';
import { useActorNames } from './useActorNames';
import { YearDrawer } from './YearDrawer';
import { YearFormModal, type YearFormTarget } from './YearFormModal';
import { yearColumns } from './yearColumns';

/** The server's alerts begin with the year they are about ("2027 年的节假日安排…", "尚未录入 2027 年…"). */
function alertYear(text: string): number | null {
  const match = /(\d{4}) 年/.exec(text);
  return match ? Number(match[1]) : null;
}

/** 工作日历: the loaded years and their approval, entry of next year's schedule, and a deadline calculator. */
export function CalendarPage() {
  const { message } = App.useApp();
  const can = useCan();
  const showError = useErrorMessage();
  const managing = can('calendar.manage');
  const [editing, setEditing] = useState<YearFormTarget>(null);
  const [openYear, setOpenYear] = useState<number | null>(null);
  const [revision, setRevision] = useState(0);

  const years = useAsync(listCalendarYears);
  const items = useMemo(() => [...(years.data?.items ?? [])].sort((a, b) => b.year - a.year), [years.data]);
  const actorName = useActorNames(useMemo(() => items.flatMap((y) => [y.submittedBy, y.approvedBy]), [items]));
  const columns = useMemo(() => yearColumns((y: CalendarYear) => setOpenYear(y.year), actorName), [actorName]);
  const nextYear = (items[0]?.year ?? new Date().getFullYear()) + 1;

  const changed = useCallback(() => {
    years.reload();
    setRevision((r) => r + 1);
  }, [years.reload]);

  const alertAction = (text: string) => {
    const year = alertYear(text);
    if (year === null) return null;
    const entered = items.find((y) => y.year === year);
    if (entered) {
      return (
        <Button size="small" onClick={() => setOpenYear(year)}>
          {managing ? '核对并审核' : '查看'}
        </Button>
      );
    }
    return managing ? (
      <Button size="small" type="primary" onClick={() => setEditing({ year })} data-testid={`calendar-alert-create-${year}`}>
        录入 {year} 年
      </Button>
    ) : null;
  };

  return (
    <Flex vertical gap={16}>
      {(years.data?.alerts ?? []).map((text) => (
        <Alert
          key={text}
          type="warning"
          showIcon
          data-testid="calendar-alert"
          title={text}
          description={managing ? undefined : '请联系系统管理员录入并审核。'}
          action={alertAction(text)}
        />
      ))}
      <Card
        title="工作日历"
        extra={
          managing && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ year: nextYear })} data-testid="calendar-create">
              录入节假日安排
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">
          期限按已生效年份的法定节假日和调休上班日计算。每年的安排由系统管理员按国务院办公厅放假通知录入,审核通过后生效;未生效的年份无法计算期限。
        </Typography.Paragraph>
        {years.error && years.error.status !== 401 && (
          <Alert type="error" showIcon title={years.error.message} style={{ marginBottom: 16 }} />
        )}
        <Table<CalendarYear>
          rowKey="year"
          size="small"
          columns={columns}
          dataSource={items}
          loading={years.loading}
          scroll={{ x: 980 }}
          data-testid="calendar-years-table"
          locale={{ emptyText: '尚未载入任何年份' }}
          pagination={{ defaultPageSize: 10, showSizeChanger: true, pageSizeOptions: [10, 20, 50], showTotal: (total) => `共 ${total} 年` }}
        />
      </Card>
      <DeadlineCalculator />
      <YearFormModal
        target={editing}
        onClose={() => setEditing(null)}
        onError={showError}
        onSaved={(detail: CalendarYearDetail) => {
          setEditing(null);
          message.success(`已保存 ${detail.year} 年节假日安排,待审核`);
          changed();
          setOpenYear(detail.year);
        }}
      />
      <YearDrawer year={openYear} refreshKey={revision} onClose={() => setOpenYear(null)} onEdit={setEditing} onChanged={changed} />
    </Flex>
  );
}
