import { App, Button, ConfigProvider, Form, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { guessKind } from '../evidence/evidenceLabels';
import { FilePicker, UploadFields, type UploadFormValues, uploadMetadata } from '../evidence/UploadFields';
import { UploadProgressPanel } from '../evidence/UploadProgressPanel';
import { type PreviousUpload, useTusUpload } from '../evidence/useTusUpload';

export interface CaseEvidenceUploadModalProps {
  open: boolean;
  caseId: string;
  caseNo: string;
  onClose: () => void;
  onUploaded: (evidenceId: string | null, filename: string) => void;
}

/**
 * 证据管理's upload (tus, resumable) with the case id in the metadata, so the recording is filed under
 * this case and the AV gate accepts it. Built from the evidence page's own pieces; that page's modal
 * has no case id to pass.
 */
export function CaseEvidenceUploadModal({ open, caseId, caseNo, onClose, onUploaded }: CaseEvidenceUploadModalProps) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<UploadFormValues>();
  const [file, setFile] = useState<File | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const { state, start, pause, resume, reset } = useTusUpload();
  const busy = state.phase === 'uploading' || state.phase === 'paused' || (state.phase === 'failed' && state.retryable);

  useEffect(() => {
    if (open) form.setFieldsValue({ recordedAt: dayjs() });
  }, [open, form]);

  const pick = (picked: File | null) => {
    setFile(picked);
    setFileMissing(false);
    if (state.phase === 'failed' || state.phase === 'done') reset();
    if (picked && !form.isFieldTouched('kind')) form.setFieldsValue({ kind: guessKind(picked) });
  };

  const confirmResume = (_previous: PreviousUpload) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: '继续上次未完成的上传?',
        content: '该文件此前开始上传但未完成,可从断点继续(沿用上次填写的信息);选择「重新上传」将按本次填写的信息从头上传。',
        okText: '继续上传',
        cancelText: '重新上传',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  const submit = (values: UploadFormValues) => {
    if (!file) {
      setFileMissing(true);
      return;
    }
    void start(file, { ...uploadMetadata(file, values), caseId }, { confirmResume, onSuccess: (id) => onUploaded(id, file.name) });
  };

  return (
    <Modal
      open={open}
      title={`上传本案证据(${caseNo})`}
      width={640}
      onCancel={state.phase === 'uploading' ? undefined : onClose}
      closable={state.phase !== 'uploading'}
      mask={{ closable: false }}
      afterClose={() => {
        reset();
        setFile(null);
        setFileMissing(false);
        form.resetFields();
      }}
      forceRender
      footer={[
        <Button key="cancel" onClick={onClose} disabled={state.phase === 'uploading'}>
          取消
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={state.phase === 'uploading'}
          disabled={busy || state.phase === 'done'}
          onClick={() => form.submit()}
          data-testid="case-evidence-upload-submit"
        >
          开始上传
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        录音、录像请选择相应的证据类型:音像记录清单要求全程记录的环节,以本案的录音或录像为准。
      </Typography.Paragraph>
      <Form<UploadFormValues>
        form={form}
        name="uploadCaseEvidence"
        layout="vertical"
        onFinish={submit}
        disabled={busy || state.phase === 'done'}
        initialValues={{ sensitivity: 'general' }}
      >
        <Form.Item
          label="文件"
          required
          validateStatus={fileMissing ? 'error' : undefined}
          help={fileMissing ? '请选择要上传的文件' : undefined}
        >
          <FilePicker file={file} onPick={pick} disabled={busy} />
        </Form.Item>
        <ConfigProvider componentDisabled={false}>
          <UploadProgressPanel state={state} onPause={() => void pause()} onResume={resume} />
        </ConfigProvider>
        <UploadFields />
      </Form>
    </Modal>
  );
}
