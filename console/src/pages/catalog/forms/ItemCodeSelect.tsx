import { Select, type SelectProps } from 'antd';
import { useMemo, useState } from 'react';
import { useItemOptions } from '../itemLookup';

export type ItemCodeSelectProps = Omit<SelectProps<string | string[]>, 'options' | 'showSearch'> & {
  /** Offer only items of this category (行政处罚 for 裁量基准). */
  category?: string;
};

/**
 * Picks 执法事项 by code (one, or several with mode="multiple"), searching the server by code or name.
 * Works inside Form.Item: value and onChange are passed through.
 */
export function ItemCodeSelect({ category, ...props }: ItemCodeSelectProps) {
  const [search, setSearch] = useState('');
  const { options, loading } = useItemOptions(search, category);
  const selectOptions = useMemo(() => options.map((o) => ({ value: o.code, label: `${o.code} ${o.name}` })), [options]);
  return (
    <Select<string | string[]>
      allowClear
      placeholder="输入编码或名称搜索执法事项"
      loading={loading}
      notFoundContent={loading ? '正在搜索…' : '没有匹配的执法事项'}
      {...props}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onBlur={() => setSearch('')}
      options={selectOptions}
    />
  );
}
