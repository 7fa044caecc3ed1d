import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Form, InputNumber, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { InstallmentValue } from './actionValues';
import { yuan } from './caseLabels';

/** At most this many installments (the server's limit). */
const MAX_INSTALLMENTS = 12;

const fen = (n: number | null | undefined): number => Math.round((n ?? 0) * 100);

/** Why the plan cannot be approved as entered, or null: amounts to the fen, dates after approval and ascending. */
export function planProblem(rows: readonly InstallmentValue[], owedYuan: number, approvedOn: Dayjs | undefined): string | null {
  if (rows.length === 0) return '请至少填写一期';
  let previous = approvedOn;
  for (const [i, row] of rows.entries()) {
    if (!row?.dueOn) continue;
    if (previous && !row.dueOn.isAfter(previous, 'day'))
      return i === 0 ? '第 1 期缴款期限须晚于审批日期' : `第 ${i + 1} 期缴款期限须晚于第 ${i} 期`;
    previous = row.dueOn;
  }
  const total = rows.reduce((sum, r) => sum + fen(r?.amountYuan), 0);
  if (total !== fen(owedYuan)) return `各期合计应等于尚欠罚款 ${yuan(owedYuan)}`;
  return null;
}

export interface InstallmentsFieldProps {
  /** What the plan must cover: the fine less what was already paid. */
  owedYuan: number;
  compact: boolean;
}

/** 延期/分期缴纳: rows of due date and amount; one row is 延期, several 分期; the running total against what is owed. */
export function InstallmentsField({ owedYuan, compact }: InstallmentsFieldProps) {
  const approvedOn = Form.useWatch<Dayjs | undefined>('performedOn');
  const rows = Form.useWatch<InstallmentValue[] | undefined>('installments') ?? [];
  const totalFen = rows.reduce((sum, r) => sum + fen(r?.amountYuan), 0);
  const gapFen = fen(owedYuan) - totalFen;
  const kind = rows.length > 1 ? '分期缴纳' : '延期缴纳';

  return (
    <div style={{ marginBottom: 16 }} data-testid="case-installments">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Typography.Text type="danger">* </Typography.Text>
        缴款计划({kind})
      </Typography.Paragraph>
      <Form.List
        name="installments"
        rules={[
          {
            validator: async (_, value: InstallmentValue[] | undefined) => {
              const problem = planProblem(value ?? [], owedYuan, approvedOn);
              if (problem) throw new Error(problem);
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start" data-testid={`case-installment-${index}`}>
                <Typography.Text style={{ lineHeight: '32px', minWidth: compact ? 20 : 52 }}>
                  {compact ? `${index + 1}.` : `第 ${index + 1} 期`}
                </Typography.Text>
                <Form.Item
                  name={[field.name, 'dueOn']}
                  rules={[{ required: true, message: '请选择缴款期限' }]}
                  style={{ flex: 1, minWidth: 0, marginBottom: 8 }}
                >
                  <DatePicker
                    placeholder="缴款期限"
                    style={{ width: '100%' }}
                    inputReadOnly={compact}
                    disabledDate={(d) => (approvedOn ? !d.isAfter(approvedOn, 'day') : false)}
                    data-testid="case-installment-due"
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'amountYuan']}
                  rules={[{ required: true, message: '请填写金额' }]}
                  style={{ flex: 1, minWidth: 0, marginBottom: 8 }}
                >
                  <InputNumber
                    min={0.01}
                    max={1e10}
                    precision={2}
                    placeholder="金额(元)"
                    style={{ width: '100%' }}
                    inputMode="decimal"
                    data-testid="case-installment-amount"
                  />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  disabled={fields.length === 1}
                  onClick={() => remove(field.name)}
                  aria-label={`删除第 ${index + 1} 期`}
                  data-testid="case-installment-remove"
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              disabled={fields.length >= MAX_INSTALLMENTS}
              onClick={() => add({ dueOn: null, amountYuan: gapFen > 0 ? gapFen / 100 : null })}
              data-testid="case-installment-add"
            >
              增加一期(最多 {MAX_INSTALLMENTS} 期)
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      <Alert
        type={gapFen === 0 ? 'success' : 'warning'}
        showIcon
        style={{ marginTop: 8 }}
        title={`计划合计 ${yuan(totalFen / 100)},尚欠罚款 ${yuan(owedYuan)}${
          gapFen === 0 ? ',一致' : gapFen > 0 ? `,还差 ${yuan(gapFen / 100)}` : `,多出 ${yuan(-gapFen / 100)}`
        }`}
        data-testid="case-installments-total"
      />
    </div>
  );
}
