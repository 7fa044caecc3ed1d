import { Table, type TableColumnsType, Tag } from 'antd';
import { PARTY_PERIODS } from '../../../../src/modules/cases/case-data';
import type { Deadline } from '../../api/cases';
import { DeadlineTag } from './DeadlineTag';

/** 期限: each time limit of the case, open ones by urgency, closed ones with the day they were met. */
export function DeadlinesSection({ deadlines, today }: { deadlines: readonly Deadline[]; today: string }) {
  const columns: TableColumnsType<Deadline> = [
    { title: '期限', key: 'label', render: (_v, d) => (d.ref === undefined ? d.label : `${d.label}(第 ${d.ref} 步)`) },
    { title: '届满日', dataIndex: 'due', width: 110, render: (due: string | null) => due ?? '待定' },
    {
      title: '状态',
      key: 'state',
      render: (_v, d) => (
        <DeadlineTag
          due={d.due}
          today={today}
          closedOn={d.closedOn}
          emptyText="待定(该年度节假日安排尚未录入)"
          partyPeriod={PARTY_PERIODS.includes(d.kind)}
        />
      ),
    },
    {
      title: '',
      dataIndex: 'closedOn',
      width: 70,
      render: (closedOn: string | null) => <Tag>{closedOn === null ? '进行中' : '已结束'}</Tag>,
    },
  ];
  return (
    <Table<Deadline>
      rowKey={(d) => `${d.kind}-${d.from}-${d.ref ?? ''}`}
      size="small"
      pagination={false}
      columns={columns}
      dataSource={[...deadlines]}
      scroll={{ x: 420 }}
      locale={{ emptyText: '尚无期限(立案后开始计算调查、决定期限)' }}
      data-testid="case-deadlines"
    />
  );
}
