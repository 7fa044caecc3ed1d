import { ClockCircleOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space } from 'antd';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { DUE_SOON_DAYS } from './caseDates';
import { STAGE_OPTIONS } from './caseLabels';
import { useOfficerDirectory } from './useOfficerDirectory';

export interface CaseFilterValues {
  q?: string;
  stage?: string;
  /** 承办机构 (with the units under it). */
  unitId?: string;
  /** 承办人员. */
  officerId?: string;
  dueWithinDays?: number;
}

/** Selects and the 临近期限 toggle apply at once; the keyword applies on Enter or the search button. */
export function CaseFilters({ value, onChange }: { value: CaseFilterValues; onChange: (next: CaseFilterValues) => void }) {
  const dueSoon = value.dueWithinDays !== undefined;
  const directory = useOfficerDirectory();
  return (
    <Space wrap>
      <Input.Search
        allowClear
        placeholder="案件编号、案由或当事人"
        defaultValue={value.q}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={{ width: 240 }}
        data-testid="cases-filter-q"
      />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="阶段"
        value={value.stage}
        onChange={(stage) => onChange({ ...value, stage: stage || undefined })}
        options={STAGE_OPTIONS}
        style={{ width: 180 }}
        data-testid="cases-filter-stage"
      />
      <UnitTreeSelect
        allowClear
        placeholder="承办机构"
        value={value.unitId}
        onChange={(unitId) => onChange({ ...value, unitId: unitId || undefined })}
        style={{ width: 200 }}
        data-testid="cases-filter-unit"
      />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="承办人员"
        loading={directory.loading}
        value={value.officerId}
        onChange={(officerId) => onChange({ ...value, officerId: officerId || undefined })}
        options={directory.officers.map((o) => ({ value: o.id, label: o.name }))}
        style={{ width: 160 }}
        data-testid="cases-filter-officer"
      />
      <Button
        icon={<ClockCircleOutlined />}
        type={dueSoon ? 'primary' : 'default'}
        danger={dueSoon}
        aria-pressed={dueSoon}
        onClick={() => onChange({ ...value, dueWithinDays: dueSoon ? undefined : DUE_SOON_DAYS })}
        data-testid="cases-filter-due-soon"
      >
        临近期限
      </Button>
    </Space>
  );
}
