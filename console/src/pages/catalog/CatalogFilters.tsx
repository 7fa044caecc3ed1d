import { Input, Select, Space } from 'antd';
import type { CatalogKind } from '../../api/catalog';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { KIND_META } from './catalogKinds';
import { options } from './catalogLabels';
import { ItemCodeSelect } from './forms/ItemCodeSelect';

export interface CatalogFilterValues {
  q?: string;
  category?: string;
  unitId?: string;
  itemCode?: string;
}

/** Each change applies at once (back to page 1); keywords apply on Enter or the search button. */
export function CatalogFilters({
  kind,
  value,
  onChange,
}: {
  kind: CatalogKind;
  value: CatalogFilterValues;
  onChange: (next: CatalogFilterValues) => void;
}) {
  const meta = KIND_META[kind];
  return (
    <Space wrap>
      <Input.Search
        allowClear
        placeholder="编码或名称"
        defaultValue={value.q}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={{ width: 200 }}
        data-testid="catalog-filter-q"
      />
      {meta.categories ? (
        <Select<string>
          allowClear
          placeholder={meta.categoryLabel}
          value={value.category}
          onChange={(category) => onChange({ ...value, category: category || undefined })}
          options={options(meta.categories)}
          style={{ width: 160 }}
          data-testid="catalog-filter-category"
        />
      ) : (
        <Input.Search
          allowClear
          placeholder={meta.categoryLabel}
          defaultValue={value.category}
          onSearch={(category) => onChange({ ...value, category: category.trim() || undefined })}
          style={{ width: 160 }}
          data-testid="catalog-filter-category"
        />
      )}
      <UnitTreeSelect
        allowClear
        placeholder="单位"
        value={value.unitId}
        onChange={(unitId) => onChange({ ...value, unitId: unitId || undefined })}
        style={{ width: 200 }}
        data-testid="catalog-filter-unit"
      />
      {meta.hasItemFilter && (
        <ItemCodeSelect
          placeholder="执法事项"
          value={value.itemCode}
          onChange={(itemCode) => onChange({ ...value, itemCode: typeof itemCode === 'string' && itemCode !== '' ? itemCode : undefined })}
          style={{ width: 220 }}
          popupMatchSelectWidth={320}
          data-testid="catalog-filter-item"
        />
      )}
    </Space>
  );
}
