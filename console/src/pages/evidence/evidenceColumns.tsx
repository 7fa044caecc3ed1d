import { type TableColumnsType, Typography } from 'antd';
import type { Evidence, Sensitivity } from '../../api/evidence';
import { formatTime } from '../../format';
import { KindText, MONOSPACE, SensitivityTag } from './EvidenceBits';
import { formatBytes } from './evidenceLabels';

/** Only the start of the digest fits a table cell; the copy button copies all 64 characters. */
function ShortHash({ value }: { value: string }) {
  return (
    // Copying must not also open the row's drawer.
    // biome-ignore lint/a11y/noStaticElementInteractions: only stops the click from reaching the row.
    // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard use of the copy button does not trigger row clicks.
    <span onClick={(event) => event.stopPropagation()}>
      <Typography.Text copyable={{ text: value }} title={value} style={{ fontFamily: MONOSPACE, fontSize: 12 }}>
        {value.slice(0, 12)}
      </Typography.Text>
    </span>
  );
}

export function evidenceColumns(compact: boolean): TableColumnsType<Evidence> {
  return [
    {
      title: '文件名',
      dataIndex: 'filename',
      width: compact ? 140 : 220,
      fixed: compact ? undefined : 'left',
      ellipsis: true,
      render: (filename: string) => <Typography.Link>{filename}</Typography.Link>,
    },
    { title: '类型', key: 'kind', width: 170, render: (_value, evidence) => <KindText evidence={evidence} /> },
    { title: '大小', dataIndex: 'size', width: 100, align: 'right', render: (size: number) => formatBytes(size) },
    { title: '密级', dataIndex: 'sensitivity', width: 130, render: (value: Sensitivity) => <SensitivityTag value={value} /> },
    { title: '录制时间', dataIndex: 'recordedAt', width: 170, render: (iso: string) => formatTime(iso) },
    { title: '上传人', key: 'uploadedBy', width: 100, render: (_value, evidence) => evidence.uploadedBy.displayName },
    { title: '所属机构', dataIndex: 'unitName', width: 160, ellipsis: true },
    { title: 'SHA-256', dataIndex: 'sha256', width: 150, render: (sha256: string) => <ShortHash value={sha256} /> },
  ];
}
