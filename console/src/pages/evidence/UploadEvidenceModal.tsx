import { App, Button, ConfigProvider, Form, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { formatTime } from '../../format';
import { guessKind, KIND_LABELS, SENSITIVITY_LABELS } from './evidenceLabels';
import { UnfinishedUploadsHint } from './UnfinishedUploadsHint';
import { FilePicker, UploadFields, type UploadFormValues, uploadMetadata } from './UploadFields';
import { UploadProgressPanel } from './UploadProgressPanel';
import { type PreviousUpload, useTusUpload } from './useTusUpload';

export interface UploadEvidenceModalProps {
  open: boolean;
  onClose: () => void;
  /** The new evidence's id (null if the server did not name it, e.g. a resumed upload that had already finished). */
  onUploaded: (evidenceId: string | null, filename: string) => void;
  /** Files the evidence under a case (from the case page), so the AV gate of its steps accepts it. */
  forCase?: { id: string; caseNo: string };
}

/** Stored metadata is plain strings: an unknown code is shown as is. */
function labelOf(labels: Readonly<Record<string, string>>, code: string | undefined): string {
  return code ? (labels[code] ?? code) : '—';
}

/** What was filled in last time travels with the resumed upload (the server has it already). */
function describePrevious(previous: PreviousUpload): string {
  const m = previous.metadata;
  return `类型:${labelOf(KIND_LABELS, m.kind)};密级:${labelOf(SENSITIVITY_LABELS, m.sensitivity)};录制时间:${formatTime(m.recordedAt)}`;
}

export function UploadEvidenceModal({ open, onClose, onUploaded, forCase }: UploadEvidenceModalProps) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<UploadFormValues>();
  const [file, setFile] = useState<File | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const { state, start, pause, resume, reset } = useTusUpload();
  const busy = state.phase === 'uploading' || state.phase === 'paused' || (state.phase === 'failed' && state.retryable);

  // The recording time defaults to the moment the dialog opens.
  useEffect(() => {
    if (open) form.setFieldsValue({ recordedAt: dayjs() });
  }, [open, form]);

  const pick = (picked: File | null) => {
    setFile(picked);
    setFileMissing(false);
    if (state.phase === 'failed' || state.phase === 'done') reset();
    if (picked && !form.isFieldTouched('kind')) form.setFieldsValue({ kind: guessKind(picked) });
  };

  const confirmResume = (previous: PreviousUpload) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: '继续上次未完成的上传?',
        content: `该文件于 ${formatTime(previous.creationTime)} 开始上传但未完成,可从断点继续(沿用上次填写的信息:${describePrevious(previous)})。选择「重新上传」将按本次填写的信息从头上传。`,
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
    const metadata = uploadMetadata(file, values);
    void start(file, forCase ? { ...metadata, caseId: forCase.id } : metadata, {
      confirmResume,
      onSuccess: (evidenceId) => onUploaded(evidenceId, file.name),
    });
  };

  const close = () => {
    if (state.phase !== 'uploading') {
      onClose();
      return;
    }
    modal.confirm({
      title: '上传尚未完成',
      content: '关闭后上传将暂停;之后再次选择同一文件即可从断点继续。确定关闭?',
      okText: '关闭',
      cancelText: '继续上传',
      onOk: onClose,
    });
  };

  return (
    <Modal
      open={open}
      title={forCase ? `上传本案证据(${forCase.caseNo})` : '上传证据'}
      width={640}
      onCancel={close}
      mask={{ closable: false }}
      afterClose={() => {
        reset();
        setFile(null);
        setFileMissing(false);
        form.resetFields();
      }}
      forceRender
      footer={[
        <Button key="cancel" onClick={close}>
          {state.phase === 'uploading' ? '关闭' : '取消'}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={state.phase === 'uploading'}
          disabled={busy || state.phase === 'done'}
          onClick={() => form.submit()}
          data-testid={forCase ? 'case-evidence-upload-submit' : 'evidence-upload-submit'}
        >
          开始上传
        </Button>,
      ]}
    >
      <Form<UploadFormValues>
        form={form}
        name="uploadEvidence"
        layout="vertical"
        onFinish={submit}
        disabled={busy || state.phase === 'done'}
        initialValues={{ sensitivity: 'general' }}
      >
        {forCase ? (
          <Typography.Paragraph type="secondary">
            录音、录像请选择相应的证据类型:音像记录清单要求全程记录的环节,以本案的录音或录像为准。
          </Typography.Paragraph>
        ) : (
          <UnfinishedUploadsHint open={open} />
        )}
        <Form.Item
          label="文件"
          required
          validateStatus={fileMissing ? 'error' : undefined}
          help={fileMissing ? '请选择要上传的文件' : undefined}
        >
          <FilePicker file={file} onPick={pick} disabled={busy} />
        </Form.Item>
        {/* Right under the file, so it is in view without scrolling; its buttons stay usable while the form is locked. */}
        <ConfigProvider componentDisabled={false}>
          <UploadProgressPanel state={state} onPause={() => void pause()} onResume={resume} />
        </ConfigProvider>
        <UploadFields />
      </Form>
    </Modal>
  );
}
