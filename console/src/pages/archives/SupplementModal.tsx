import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { type CaseFileView, supplementFile } from '../../api/archives';
import { apiErrorText, type ErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';

interface SupplementForm {
  reason: string;
  pages?: number | null;
}

/** 补充归档: documents and evidence the case gained after acceptance are appended as the next supplement. */
export function SupplementModal({
  file,
  open,
  onClose,
  onDone,
}: {
  file: CaseFileView;
  open: boolean;
  onClose: () => void;
  onDone: (updated: CaseFileView) => void;
}) {
  const [form] = Form.useForm<SupplementForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);

  const submit = async ({ reason, pages }: SupplementForm) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await supplementFile(file.id, { reason: reason.trim(), ...(typeof pages === 'number' ? { pages } : {}) }));
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`补充归档 · ${file.archiveNo}`}
      okText="补充归档"
      okButtonProps={{ 'data-testid': 'supplement-submit' }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="案件归档后新增的文书、证据作为补充件追加到卷末(原卷不变),先经四性检测;没有新增材料时无需补充归档。"
      />
      <Form<SupplementForm> form={form} layout="vertical" name="supplement" preserve={false} onFinish={(v) => void submit(v)}>
        <Form.Item label="补充归档原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写补充归档原因' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount data-testid="supplement-reason" />
        </Form.Item>
        <Form.Item label="新增页数" name="pages" extra="按打印件核对后填写,计入案卷总页数;不填则总页数不变">
          <InputNumber min={0} max={100000} precision={0} suffix="页" style={{ width: 160 }} data-testid="supplement-pages" />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} testId="supplement-error" />
    </Modal>
  );
}
