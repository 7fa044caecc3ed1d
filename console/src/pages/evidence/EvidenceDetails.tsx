import { Descriptions, type DescriptionsProps } from 'antd';
import type { Evidence } from '../../api/evidence';
import { formatTime } from '../../format';
import { HashText, KindText, SensitivityTag } from './EvidenceBits';
import { formatBytes } from './evidenceLabels';

function orDash(value: string | null): string {
  return value?.trim() ? value : '—';
}

/** Every recorded attribute of one piece of evidence, digests in full. */
export function EvidenceDetails({ evidence }: { evidence: Evidence }) {
  const items: DescriptionsProps['items'] = [
    { key: 'filename', label: '文件名', children: <span style={{ wordBreak: 'break-all' }}>{evidence.filename}</span> },
    { key: 'kind', label: '类型', children: <KindText evidence={evidence} /> },
    { key: 'size', label: '大小', children: `${formatBytes(evidence.size)}(${evidence.size.toLocaleString('zh-CN')} 字节)` },
    { key: 'sensitivity', label: '密级', children: <SensitivityTag value={evidence.sensitivity} /> },
    { key: 'recordedAt', label: '录制时间', children: formatTime(evidence.recordedAt) },
    { key: 'device', label: '设备编号', children: orDash(evidence.device) },
    { key: 'officers', label: '执法人员', children: orDash(evidence.officers) },
    { key: 'place', label: '地点', children: orDash(evidence.place) },
    { key: 'description', label: '说明', children: <span style={{ whiteSpace: 'pre-wrap' }}>{orDash(evidence.description)}</span> },
    ...(evidence.caseId ? [{ key: 'caseId', label: '案件', children: evidence.caseId }] : []),
    ...(evidence.stepId ? [{ key: 'stepId', label: '办案环节', children: evidence.stepId }] : []),
    { key: 'unitName', label: '所属机构', children: evidence.unitName },
    { key: 'uploadedBy', label: '上传人', children: evidence.uploadedBy.displayName },
    { key: 'uploadedAt', label: '上传时间', children: formatTime(evidence.uploadedAt) },
    { key: 'sha256', label: 'SHA-256', children: <HashText value={evidence.sha256} testId="evidence-sha256" /> },
    { key: 'sm3', label: 'SM3', children: <HashText value={evidence.sm3} testId="evidence-sm3" /> },
    ...(evidence.ledgerIndex === null ? [] : [{ key: 'ledgerIndex', label: '存证序号', children: String(evidence.ledgerIndex) }]),
  ];
  return <Descriptions bordered size="small" column={1} items={items} styles={{ label: { width: 96, whiteSpace: 'nowrap' } }} />;
}
