import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { type AccessGrant, type Evidence, requestEvidenceAccess } from '../../api/evidence';
import { SENSITIVITY_LABELS } from './evidenceLabels';

export interface PurposeModalProps {
  evidence: Evidence;
  open: boolean;
  onClose: () => void;
  onGranted: (grant: AccessGrant) => void;
  onError: (error: unknown) => void;
}

/** Every 查看 is a recorded 调阅; for anything but 一般 the reason is mandatory (the server enforces it too). */
export function PurposeModal({ evidence, open, onClose, onGranted, onError }: PurposeModalProps) {
  const [form] = Form.useForm<{ purpose?: string }>();
  const [submitting, setSubmitting] = useState(false);
  const required = evidence.sensitivity !== 'general';

  const submit = async ({ purpose }: { purpose?: string }) => {
    setSubmitting(true);
    try {
      onGranted(await requestEvidenceAccess(evidence.id, purpose?.trim() || undefined));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'purpose_required') form.setFields([{ name: 'purpose', errors: [err.message] }]);
      else onError(err);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title="调阅证据"
      okText="调阅"
      cancelText="取消"
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      okButtonProps={{ 'data-testid': 'evidence-purpose-submit' }}
      forceRender
    >
      {required && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`该证据密级为「${SENSITIVITY_LABELS[evidence.sensitivity]}」,调阅须说明事由。`}
        />
      )}
      <Form form={form} name="evidenceAccess" layout="vertical" onFinish={submit}>
        <Form.Item
          label={required ? '调阅事由' : '调阅事由(选填)'}
          name="purpose"
          extra="调阅人、时间和事由将记入调阅记录。"
          rules={[{ required, whitespace: true, message: '请填写调阅事由' }]}
        >
          <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 4 }} data-testid="evidence-purpose" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
