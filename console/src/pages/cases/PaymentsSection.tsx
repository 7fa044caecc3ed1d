import { Alert, Descriptions, Table } from 'antd';
import type { CaseView } from '../../api/cases';
import { yuan } from './caseLabels';
import { PaymentPlanCard, UrgesCard } from './PaymentPlanCards';

/**
 * 缴款: the fine decided, what the bank or treasury receipts show paid, what is still owed, an approved
 * 延期/分期 plan and the 催告 served.
 */
// The amounts are the server's (加处罚款 stops the day the fine itself is paid), never recomputed here.
export function PaymentsSection({ view, today }: { view: CaseView; today: string }) {
  const fine = view.data.decision?.penalty.fineYuan ?? 0;
  const paid = view.owed?.paidYuan ?? view.payments.reduce((sum, p) => sum + p.amountYuan, 0);
  const payment = view.data.deadlines.find((d) => d.kind === 'payment');
  const fee = view.owed?.lateFeeYuan ?? 0;
  const owed = Math.max(0, (view.owed?.owedYuan ?? fine) - paid);
  return (
    <div data-testid="case-payments">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 4 }}
        items={[
          { key: 'fine', label: '决定罚款', children: yuan(view.data.decision ? fine : null) },
          {
            key: 'due',
            label: '缴款期限',
            children: payment ? `${payment.due ?? '待定'}${payment.label === '缴纳罚款期限' ? '' : `(${payment.label})`}` : '—',
          },
          { key: 'paid', label: '已缴', children: yuan(paid) },
          { key: 'owed', label: '尚欠', children: <strong>{yuan(owed)}</strong> },
        ]}
      />
      {fee > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '8px 0' }}
          title={`缴款期限已过:按行政处罚法第七十二条,每日按罚款数额的 3% 加处罚款(不超过罚款数额),截至今日约 ${yuan(fee)}`}
        />
      )}
      <Table
        rowKey="receiptNo"
        size="small"
        pagination={false}
        dataSource={view.payments}
        columns={[
          { title: '缴款凭证号', dataIndex: 'receiptNo' },
          { title: '金额', dataIndex: 'amountYuan', align: 'right', render: (n: number) => yuan(n) },
          { title: '缴款日期', dataIndex: 'paidOn', width: 110 },
        ]}
        locale={{ emptyText: '尚无缴款记录' }}
      />
      {view.data.paymentPlan && <PaymentPlanCard plan={view.data.paymentPlan} payments={view.payments} today={today} />}
      {(view.data.urges ?? []).length > 0 && <UrgesCard urges={view.data.urges ?? []} today={today} />}
    </div>
  );
}
