import { Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import { listPublishedItems, type PublishedItem } from '../../api/cases';

const SEARCH_DELAY_MS = 300;

export type PublishedItemSelectProps = Omit<SelectProps<string>, 'options' | 'showSearch'> & {
  /** Only items of this category: 行政处罚 for a penalty case, 行政检查 for an inspection's own case. */
  category?: string;
};

/** Picks a 执法事项 in force (the public list: only published versions), searching by code or name. */
export function PublishedItemSelect({ category, ...props }: PublishedItemSelectProps) {
  const [search, setSearch] = useState('');
  const [items, setItems] = useState<PublishedItem[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      setLoading(true);
      listPublishedItems(search.trim() || undefined, category).then(
        (page) => {
          if (!current) return;
          setItems(page.items);
          setLoading(false);
        },
        () => {
          if (current) setLoading(false);
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [search, category]);

  return (
    <Select<string>
      allowClear
      placeholder={`输入编码或名称搜索现行${category ?? '执法'}事项`}
      loading={loading}
      notFoundContent={loading ? '正在搜索…' : `没有匹配的${category ?? '执法'}事项`}
      {...props}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onBlur={() => setSearch('')}
      options={items.map((i) => ({ value: i.code, label: `${i.code} ${i.name}(${i.category})` }))}
    />
  );
}
