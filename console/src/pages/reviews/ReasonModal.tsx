import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';

export interface ReasonModalProps {
  open: boolean;
  title: string;
  label: string;
  hint?: string;
  okText: string;
  onCancel: () => void;
  /** Sends the reason; a refusal is shown in the modal. */
  onSubmit: (reason: string) => Promise<void>;
  testId: string;
}

/** A step that needs only a written reason (延长审核期限, 提请集体讨论). */
export function ReasonModal({ open, title, label, hint, okText, onCancel, onSubmit, testId }: ReasonModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(reason);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) setError(err instanceof Error ? err.message : '提交失败,请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      okButtonProps={{ 'data-testid': `${testId}-submit` }}
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
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
