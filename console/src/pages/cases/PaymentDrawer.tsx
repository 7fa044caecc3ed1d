import { Alert, Button, DatePicker, Drawer, Flex, Form, Grid, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type CaseView, recordCasePayment } from '../../api/cases';
import { ApiError } from '../../api/client';
import { beijingToday } from '../../format';
import { notAfterToday, toDay } from './caseDates';

interface PaymentValues {
  receiptNo: string;
  amountYuan: number;
  paidOn: Dayjs;
}

export interface PaymentDrawerProps {
  view: CaseView;
  open: boolean;
  onClose: () => void;
  onDone: (updated: CaseView) => void;
}

/** 登记缴款 from the bank or treasury receipt (罚缴分离: officers never take the money). */
export function PaymentDrawer({ view, open, onClose, onDone }: PaymentDrawerProps) {
  const compact = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<PaymentValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fine = view.data.decision?.penalty.fineYuan ?? undefined;
  const paid = view.payments.reduce((sum, p) => sum + p.amountYuan, 0);

  const submit = async (values: PaymentValues) => {
    setSubmitting(true);
    setError(null);
    try {
      onDone(
        await recordCasePayment(view.id, {
          receiptNo: values.receiptNo.trim(),
          amountYuan: values.amountYuan,
          paidOn: toDay(values.paidOn),
        }),
      );
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) setError(err instanceof Error ? err.message : '登记失败,请稍后重试');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={`登记缴款 ${view.caseNo}`}
      size={compact ? '100%' : 480}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
      footer={
        <Flex vertical gap={8}>
          {error && <Alert type="error" showIcon title="未能登记" description={error} data-testid="case-action-error" />}
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={submitting} onClick={() => form.submit()} data-testid="case-action-submit">
              登记
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Form<PaymentValues>
        form={form}
        layout="vertical"
        name="casePayment"
        onFinish={(values) => void submit(values)}
        initialValues={{
          paidOn: dayjs(beijingToday()),
          amountYuan: fine === undefined ? undefined : Math.max(0, fine - paid) || undefined,
        }}
      >
        <Form.Item
          label="缴款凭证号"
          name="receiptNo"
          rules={[{ required: true, whitespace: true, message: '请填写银行或国库缴款凭证号' }]}
        >
          <Input maxLength={64} autoComplete="off" data-testid="case-receipt-no" />
        </Form.Item>
        <Form.Item label="缴款金额(元)" name="amountYuan" rules={[{ required: true, message: '请填写缴款金额' }]}>
          <InputNumber min={0.01} max={1e10} precision={2} style={{ width: '100%' }} inputMode="decimal" data-testid="case-amount" />
        </Form.Item>
        <Form.Item label="缴款日期" name="paidOn" rules={[{ required: true, message: '请选择缴款日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} inputReadOnly={compact} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
