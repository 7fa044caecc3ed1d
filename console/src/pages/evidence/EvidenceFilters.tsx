import { Input, Select, Space } from 'antd';
import type { EvidenceKind, Sensitivity } from '../../api/evidence';
import { KIND_OPTIONS, SENSITIVITY_OPTIONS } from './evidenceLabels';

export interface EvidenceFilterValues {
  q?: string;
  kind?: EvidenceKind;
  sensitivity?: Sensitivity;
}

/** Selects apply at once; the keyword applies on Enter or the search button. */
export function EvidenceFilters({ value, onChange }: { value: EvidenceFilterValues; onChange: (next: EvidenceFilterValues) => void }) {
  return (
    <Space wrap>
      <Input.Search
        allowClear
        placeholder="关键词(如文件名)"
        defaultValue={value.q}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={{ width: 220 }}
        data-testid="evidence-filter-q"
      />
      <Select<EvidenceKind>
        allowClear
        placeholder="类型"
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind: kind || undefined })}
        options={KIND_OPTIONS}
        style={{ width: 110 }}
        data-testid="evidence-filter-kind"
      />
      <Select<Sensitivity>
        allowClear
        placeholder="密级"
        value={value.sensitivity}
        onChange={(sensitivity) => onChange({ ...value, sensitivity: sensitivity || undefined })}
        options={SENSITIVITY_OPTIONS}
        style={{ width: 150 }}
        data-testid="evidence-filter-sensitivity"
      />
    </Space>
  );
}
