import { Input, Select, Space } from 'antd';
import type { OfficerStatus } from '../../api/officers';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { OFFICER_STATUS_OPTIONS } from './officerLabels';

export interface OfficerFilterValues {
  q?: string;
  unitId?: string;
  status?: OfficerStatus;
}

/** Each change applies at once (back to page 1); the keyword applies on Enter or the search button. */
export function OfficerFilters({ value, onChange }: { value: OfficerFilterValues; onChange: (next: OfficerFilterValues) => void }) {
  return (
    <Space wrap>
      <Input.Search
        allowClear
        placeholder="姓名、证件号码或执法类别"
        defaultValue={value.q}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={{ width: 220 }}
        data-testid="officer-filter-q"
      />
      <UnitTreeSelect
        allowClear
        placeholder="所属单位"
        value={value.unitId}
        onChange={(unitId) => onChange({ ...value, unitId: unitId || undefined })}
        style={{ width: 220 }}
        data-testid="officer-filter-unit"
      />
      <Select<OfficerStatus>
        allowClear
        placeholder="证件状态"
        value={value.status}
        onChange={(status) => onChange({ ...value, status: status || undefined })}
        options={OFFICER_STATUS_OPTIONS}
        style={{ width: 120 }}
        data-testid="officer-filter-status"
      />
    </Space>
  );
}
