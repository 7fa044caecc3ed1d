import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { apiErrorText, type ErrorText } from './apiErrorText';
import { ErrorAlert } from './ErrorAlert';

export interface ReasonModalProps {
  open: boolean;
  title: string;
  label: string;
  hint?: string;
  /** The step takes something away (不予公开, 撤回): the button is red. */
  danger?: boolean;
  okText: string;
  onCancel: () => void;
  /** Sends the reason; a refusal is shown in the modal with its code. */
  onSubmit: (reason: string) => Promise<void>;
  testId: string;
}

/** A step that needs only a written reason, which is recorded (延长审核期限, 不予公开, 撤回, 退回 …). */
export function ReasonModal({ open, title, label, hint, danger = false, okText, onCancel, onSubmit, testId }: ReasonModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(reason.trim());
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger, 'data-testid': `${testId}-submit` }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
    >
      {hint && <Alert type="info" showIcon title={hint} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" preserve={false} onFinish={(values) => void submit(values)}>
        <Form.Item label={label} name="reason" rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount data-testid={`${testId}-reason`} />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} testId={`${testId}-error`} />
    </Modal>
  );
}
