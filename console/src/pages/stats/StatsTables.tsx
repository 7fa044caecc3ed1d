import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { INDICATORS, percentText } from '../../../../src/modules/stats/indicators';
import type { Rate, SubjectRow, WeakSpot } from '../../api/stats';

/** A rate as text with what it was counted from: 「50.0%(1/2)」, or 「—」 when nothing was counted. */
export function RateText({ rate }: { rate: Rate }) {
  if (rate.rate === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span>
      {percentText(rate.rate)}
      <Typography.Text type="secondary">
        ({rate.numerator}/{rate.denominator})
      </Typography.Text>
    </span>
  );
}

const rateColumn = (key: 'overdue' | 'decisionLate' | 'avException' | 'reviewReturned' | 'publicationLate') => ({
  title: INDICATORS[key].label,
  key,
  render: (_: unknown, row: SubjectRow) => <RateText rate={row[key]} />,
  sorter: (a: SubjectRow, b: SubjectRow) => (a[key].rate ?? -1) - (b[key].rate ?? -1),
});

/** Per unit or per 执法事项; items carry no review or publication figures (those are kept per unit). */
export function SubjectTable({ rows, kind, testId }: { rows: readonly SubjectRow[]; kind: 'unit' | 'item'; testId: string }) {
  const columns: TableColumnsType<SubjectRow> = [
    { title: kind === 'unit' ? '单位' : '执法事项', dataIndex: 'name', key: 'name', fixed: 'left', width: 180 },
    { title: '受理登记', dataIndex: 'received', key: 'received', sorter: (a, b) => a.received - b.received },
    { title: '在办', dataIndex: 'open', key: 'open' },
    { title: '作出决定', dataIndex: 'decided', key: 'decided' },
    { title: '立案至决定平均(日)', key: 'days', render: (_, r) => r.averageDecisionDays ?? '—' },
    rateColumn('overdue'),
    rateColumn('decisionLate'),
    rateColumn('avException'),
    ...(kind === 'unit' ? [rateColumn('reviewReturned'), rateColumn('publicationLate')] : []),
  ];
  return (
    <Table<SubjectRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...rows]}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
    />
  );
}

/** 薄弱环节: each indicator above the overall figure is named in words, with its own and the overall rate. */
export function WeakSpotsTable({ rows }: { rows: readonly WeakSpot[] }) {
  const columns: TableColumnsType<WeakSpot> = [
    { title: '排名', dataIndex: 'rank', key: 'rank', width: 64 },
    { title: '类型', dataIndex: 'kindLabel', key: 'kind', width: 96, render: (text: string) => <Tag>{text}</Tag> },
    { title: '名称', dataIndex: 'name', key: 'name', width: 200 },
    {
      title: '高于总体水平的指标',
      key: 'indicators',
      render: (_, spot) => (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {spot.indicators.map((i) => (
            <li key={i.key}>
              {i.label}:{percentText(i.rate)}({i.numerator}/{i.denominator}),总体 {percentText(i.overallRate)}
            </li>
          ))}
        </ul>
      ),
    },
    { title: '超出合计(百分点)', dataIndex: 'excess', key: 'excess', width: 120 },
  ];
  return (
    <Table<WeakSpot>
      rowKey={(s) => `${s.kind}:${s.id}`}
      size="small"
      columns={columns}
      dataSource={[...rows]}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '没有指标高于总体水平的单位或执法事项' }}
      data-testid="stats-weak-spots"
    />
  );
}
