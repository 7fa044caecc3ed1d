import { Flex, Input, Select } from 'antd';
import { type FacetValue, RISK_CLASSES, riskClassLabel } from '../../api/inspection-entities';

export interface EntityFilterValues {
  q?: string;
  region?: string;
  industry?: string;
  riskClass?: string;
  /** 'true' 在册 (the default), 'false' 已停用, 'all' 全部. */
  active: 'true' | 'false' | 'all';
}

const ACTIVE_OPTIONS = [
  { value: 'true', label: '在册' },
  { value: 'false', label: '已停用' },
  { value: 'all', label: '全部状态' },
];

const RISK_OPTIONS = RISK_CLASSES.map((c) => ({ value: c, label: riskClassLabel(c) }));

const facetOptions = (values: readonly FacetValue[]) => values.map((f) => ({ value: f.value, label: `${f.value}(${f.count})` }));

/** Each change applies at once (back to page 1); the keyword on Enter. On a phone every control takes a full line. */
export function EntityFilters({
  value,
  regions,
  industries,
  compact,
  onChange,
}: {
  value: EntityFilterValues;
  regions: readonly FacetValue[];
  industries: readonly FacetValue[];
  compact: boolean;
  onChange: (next: EntityFilterValues) => void;
}) {
  // On a phone: the search on its own line, the drop-downs two to a line.
  const width = (desktop: number) => (compact ? 'calc(50% - 4px)' : desktop);
  return (
    <Flex wrap gap={8} style={compact ? { width: '100%' } : { flex: 1, minWidth: 0 }}>
      <Input.Search
        allowClear
        placeholder="名称或统一社会信用代码"
        defaultValue={value.q}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={{ width: compact ? '100%' : 240 }}
        data-testid="entity-filter-q"
      />
      <Select
        allowClear
        showSearch
        placeholder="所属区域"
        value={value.region}
        options={facetOptions(regions)}
        onChange={(region?: string) => onChange({ ...value, region })}
        style={{ width: width(160) }}
        data-testid="entity-filter-region"
      />
      <Select
        allowClear
        showSearch
        placeholder="行业"
        value={value.industry}
        options={facetOptions(industries)}
        onChange={(industry?: string) => onChange({ ...value, industry })}
        style={{ width: width(180) }}
        data-testid="entity-filter-industry"
      />
      <Select
        allowClear
        placeholder="风险等级"
        value={value.riskClass}
        options={RISK_OPTIONS}
        onChange={(riskClass?: string) => onChange({ ...value, riskClass })}
        style={{ width: width(150) }}
        data-testid="entity-filter-risk"
      />
      <Select
        value={value.active}
        options={ACTIVE_OPTIONS}
        onChange={(active: EntityFilterValues['active']) => onChange({ ...value, active })}
        style={{ width: width(110) }}
        data-testid="entity-filter-active"
      />
    </Flex>
  );
}
