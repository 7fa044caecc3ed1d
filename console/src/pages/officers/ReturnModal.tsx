import { Form, Input, Modal } from 'antd';
import { useState } from 'react';

/** 退回: the reason is mandatory and shown to the 政策法规科. */
export function ReturnModal({
  open,
  onClose,
  onReturn,
}: {
  open: boolean;
  onClose: () => void;
  onReturn: (reason: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [submitting, setSubmitting] = useState(false);
  const submit = async ({ reason }: { reason: string }) => {
    setSubmitting(true);
    try {
      await onReturn(reason.trim());
    } finally {
      setSubmitting(false);
    }
  };
  return (
    <Modal
      open={open}
      title="退回清单变更"
      okText="退回"
      cancelText="取消"
      okButtonProps={{ danger: true, 'data-testid': 'roster-return-submit' }}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="退回理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写退回理由' }]}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 3, maxRows: 6 }} data-testid="roster-return-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
