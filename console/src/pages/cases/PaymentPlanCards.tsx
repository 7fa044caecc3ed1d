import { Card, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { CasePayment, PaymentPlan, Urge } from '../../api/cases';
import { yuan } from './caseLabels';

export type InstallmentState = 'paid' | 'paidLate' | 'partial' | 'unpaid' | 'overdue';

export interface InstallmentRow {
  no: number;
  dueOn: string;
  amountYuan: number;
  state: InstallmentState;
  /** The day payments first covered this installment. */
  paidOn: string | null;
}

const fen = (yuan: number) => Math.round(yuan * 100);

/**
 * Each installment as the payments stand: payments go to the earliest installment first (as the
 * server counts them), so an installment is paid on the day the running total first covers it.
 */
export function installmentRows(plan: PaymentPlan, payments: readonly CasePayment[], today: string): InstallmentRow[] {
  const ordered = [...payments].sort((a, b) => a.paidOn.localeCompare(b.paidOn));
  const paidFen = ordered.reduce((sum, p) => sum + fen(p.amountYuan), 0);
  let target = 0;
  return plan.installments.map((i, index): InstallmentRow => {
    const before = target;
    target += fen(i.amountYuan);
    let running = 0;
    const covering = ordered.find((p) => {
      running += fen(p.amountYuan);
      return running >= target;
    });
    const row = { no: index + 1, dueOn: i.dueOn, amountYuan: i.amountYuan, paidOn: covering?.paidOn ?? null };
    if (covering) return { ...row, state: covering.paidOn > i.dueOn ? 'paidLate' : 'paid' };
    if (i.dueOn < today) return { ...row, state: 'overdue' };
    return { ...row, state: paidFen > before ? 'partial' : 'unpaid' };
  });
}

const STATE_TAGS: Readonly<Record<InstallmentState, { color: string; text: string }>> = {
  paid: { color: 'green', text: '已缴' },
  paidLate: { color: 'orange', text: '逾期后缴清' },
  partial: { color: 'blue', text: '部分缴纳' },
  unpaid: { color: 'default', text: '未缴' },
  overdue: { color: 'red', text: '已逾期' },
};

const planColumns: TableColumnsType<InstallmentRow> = [
  { title: '期', dataIndex: 'no', width: 50 },
  { title: '缴款期限', dataIndex: 'dueOn', width: 110 },
  { title: '金额', dataIndex: 'amountYuan', align: 'right', render: (n: number) => yuan(n) },
  {
    title: '状态',
    key: 'state',
    render: (_v, r) => (
      <Tag color={STATE_TAGS[r.state].color} data-state={r.state}>
        {STATE_TAGS[r.state].text}
        {r.paidOn ? ` ${r.paidOn}` : ''}
      </Tag>
    ),
  },
];

/** 缴款计划: the approved 延期/分期 schedule, each installment paid, unpaid or overdue. */
export function PaymentPlanCard({ plan, payments, today }: { plan: PaymentPlan; payments: readonly CasePayment[]; today: string }) {
  return (
    <Card
      size="small"
      title={`缴款计划(${plan.kind}缴纳,${plan.approvedOn} 批准)`}
      style={{ marginTop: 12 }}
      data-testid="case-payment-plan"
    >
      <Table<InstallmentRow>
        rowKey="no"
        size="small"
        pagination={false}
        columns={planColumns}
        dataSource={installmentRows(plan, payments, today)}
        scroll={{ x: 360 }}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        缴款先抵最早一期;每一期逾期未缴的,从期满次日起按该期金额每日加处 3% 罚款。
      </Typography.Paragraph>
    </Card>
  );
}

interface UrgeRow extends Urge {
  no: number;
}

/** 催告: each 催告书 served, its 文号, and the day after which the court may be asked. */
export function UrgesCard({ urges, today }: { urges: readonly Urge[]; today: string }) {
  const columns: TableColumnsType<UrgeRow> = [
    { title: '催告书', key: 'number', render: (_v, u) => u.service.documentNumber ?? '—' },
    {
      title: '送达',
      key: 'served',
      render: (_v, u) =>
        u.service.publishedOn
          ? `${u.service.method},${u.service.publishedOn} 公告,${u.service.servedOn} 视为送达`
          : `${u.service.method},${u.service.servedOn}`,
    },
    { title: '催告期满日', key: 'due', width: 110, render: (_v, u) => u.dueOn ?? '待定' },
    {
      title: '',
      key: 'state',
      width: 150,
      render: (_v, u) =>
        u.dueOn !== null && today > u.dueOn ? <Tag color="red">期满,可申请强制执行</Tag> : <Tag color="gold">催告期内</Tag>,
    },
  ];
  return (
    <Card size="small" title="催告" style={{ marginTop: 12 }} data-testid="case-urges">
      <Table<UrgeRow>
        rowKey="no"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={urges.map((u, index) => ({ ...u, no: index + 1 }))}
        scroll={{ x: 480 }}
      />
    </Card>
  );
}
