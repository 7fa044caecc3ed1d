import { InboxOutlined } from '@ant-design/icons';
import { Col, Form, Input, Row, Select, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import type { EvidenceKind, Sensitivity } from '../../api/evidence';
import { DateTimeField } from './DateTimeField';
import { formatBytes, KIND_OPTIONS, SENSITIVITY_OPTIONS } from './evidenceLabels';

export interface UploadFormValues {
  kind: EvidenceKind;
  recordedAt: Dayjs;
  sensitivity: Sensitivity;
  device?: string;
  /** Names separated by commas (either width) or 、. */
  officers?: string;
  place?: string;
  description?: string;
}

/** Upload-Metadata for the tus creation request (see the evidence API contract); empty optional fields are left out. */
export function uploadMetadata(file: File, values: UploadFormValues): Record<string, string> {
  const metadata: Record<string, string> = {
    filename: file.name,
    kind: values.kind,
    recordedAt: values.recordedAt.toISOString(),
    sensitivity: values.sensitivity,
  };
  const optional: Record<string, string | undefined> = {
    device: values.device,
    officers: values.officers
      ?.split(/[,,、;;]/)
      .map((name) => name.trim())
      .filter(Boolean)
      .join(','),
    place: values.place,
    description: values.description,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value?.trim()) metadata[key] = value.trim();
  }
  return metadata;
}

export interface FilePickerProps {
  file: File | null;
  onPick: (file: File | null) => void;
  disabled: boolean;
}

/** One file, kept in the browser until 开始上传 (nothing is sent on pick). */
export function FilePicker({ file, onPick, disabled }: FilePickerProps) {
  return (
    <Upload.Dragger
      maxCount={1}
      multiple={false}
      disabled={disabled}
      beforeUpload={(picked) => {
        onPick(picked);
        return false;
      }}
      onRemove={() => onPick(null)}
      fileList={file ? [{ uid: 'picked', name: `${file.name}(${formatBytes(file.size)})`, status: 'done' }] : []}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">点击或拖入文件</p>
      <p className="ant-upload-hint">照片、录音、录像、PDF、Office 或 OFD 文件,一次一个;大文件可断点续传</p>
    </Upload.Dragger>
  );
}

/** The descriptive fields; the recording time defaults to now and the 密级 to 一般. */
export function UploadFields() {
  return (
    <>
      {/* Two per row where there is room; one per row on phones. */}
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label="证据类型" name="kind" rules={[{ required: true, message: '请选择证据类型' }]}>
            <Select<EvidenceKind> options={KIND_OPTIONS} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="密级" name="sensitivity" rules={[{ required: true, message: '请选择密级' }]}>
            <Select<Sensitivity> options={SENSITIVITY_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="录制时间" name="recordedAt" rules={[{ required: true, message: '请选择录制时间' }]}>
            <DateTimeField />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="执法记录仪/设备编号" name="device">
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="执法人员" name="officers">
            <Input maxLength={200} autoComplete="off" placeholder="多人用逗号或顿号分隔" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="地点" name="place">
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="说明" name="description">
        <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </>
  );
}
