import { Button, type TableColumnsType, Tag, Typography } from 'antd';
import type { CalendarYear } from '../../api/calendar';
import { formatTime } from '../../format';
import { yearStatusTag } from './calendarLabels';

function Who({ name, at }: { name: string; at: string | null }) {
  return (
    <>
      {name}
      {at && (
        <>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatTime(at)}
          </Typography.Text>
        </>
      )}
    </>
  );
}

export function yearColumns(
  onOpen: (year: CalendarYear) => void,
  actorName: (ref: string | null) => string,
): TableColumnsType<CalendarYear> {
  return [
    {
      title: '年份',
      dataIndex: 'year',
      width: 90,
      render: (year: number, row) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(row)} data-testid={`calendar-open-${year}`}>
          {year} 年
        </Button>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (status: string) => {
        const tag = yearStatusTag(status);
        return <Tag color={tag.color}>{tag.label}</Tag>;
      },
    },
    {
      title: '依据(通知文号)',
      dataIndex: 'noticeNumber',
      width: 220,
      render: (number: string, row) =>
        row.noticeUrl ? (
          <a href={row.noticeUrl} target="_blank" rel="noreferrer noopener">
            {number}
          </a>
        ) : (
          number
        ),
    },
    { title: '法定节假日', dataIndex: 'holidayCount', width: 100, render: (n: number) => `${n} 天` },
    { title: '调休上班日', dataIndex: 'workdayCount', width: 100, render: (n: number) => `${n} 天` },
    { title: '录入', key: 'submitted', width: 190, render: (_v, row) => <Who name={actorName(row.submittedBy)} at={row.submittedAt} /> },
    {
      title: '审核',
      key: 'approved',
      width: 190,
      render: (_v, row) => (row.approvedBy ? <Who name={actorName(row.approvedBy)} at={row.approvedAt} /> : '—'),
    },
  ];
}
