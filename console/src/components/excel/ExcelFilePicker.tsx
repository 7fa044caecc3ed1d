import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Typography, Upload } from 'antd';
import type { ReactNode } from 'react';

export interface ExcelFilePickerProps {
  file: File | null;
  onPick: (file: File | null) => void;
  onDownloadTemplate: () => void;
  downloadingTemplate: boolean;
  /** What the caller wants said about filling in the template. */
  hint?: ReactNode;
  /** The file types taken (default: .xlsx only). */
  accept?: string;
  /** What the drop area says: the files it takes, then the limits. */
  dropText?: string;
  dropHint?: string;
  /** Prefix of the test ids (`<prefix>-template`, `<prefix>-file`). */
  testIdPrefix?: string;
}

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Step 1: the template, then one .xlsx kept in the browser until 开始导入 (nothing is sent on pick). */
export function ExcelFilePicker({
  file,
  onPick,
  onDownloadTemplate,
  downloadingTemplate,
  hint,
  accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  dropText = '点击或拖入 Excel 文件',
  dropHint = '仅支持 .xlsx 格式,不超过 10 MB;有任何错误时整个文件都不会导入',
  testIdPrefix = 'excel-import',
}: ExcelFilePickerProps) {
  return (
    <>
      <Typography.Paragraph>
        请先下载导入模板,按模板填写后上传。{hint}
        <Button
          type="link"
          icon={<DownloadOutlined />}
          loading={downloadingTemplate}
          onClick={onDownloadTemplate}
          data-testid={`${testIdPrefix}-template`}
        >
          下载导入模板
        </Button>
      </Typography.Paragraph>
      <Upload.Dragger
        accept={accept}
        maxCount={1}
        multiple={false}
        beforeUpload={(picked) => {
          onPick(picked);
          return false;
        }}
        onRemove={() => onPick(null)}
        fileList={file ? [{ uid: 'picked', name: `${file.name}(${sizeText(file.size)})`, status: 'done' }] : []}
        data-testid={`${testIdPrefix}-file`}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{dropText}</p>
        <p className="ant-upload-hint">{dropHint}</p>
      </Upload.Dragger>
    </>
  );
}
