import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { listOfficers, type Officer } from '../../api/officers';

export interface OfficerOption {
  value: string;
  label: string;
}

interface OfficerMultiSelectProps {
  /** Set by Form.Item, so that its label points at the search input. */
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Labels for ids already chosen (e.g. the items of a batch being edited). */
  known: readonly OfficerOption[];
  /** Only offer officers that pass (e.g. those on the public roster). */
  accept?: (officer: Officer) => boolean;
  placeholder: string;
  testId: string;
}

export const officerOption = (o: { id: string; name: string; unitName: string; certificateNo: string }): OfficerOption => ({
  value: o.id,
  label: `${o.name}(${o.certificateNo},${o.unitName})`,
});

/** Picks officers by searching the register on the server (name, certificate number, category or unit). */
export function OfficerMultiSelect({ id, value, onChange, known, accept, placeholder, testId }: OfficerMultiSelectProps) {
  const [keyword, setKeyword] = useState('');
  const [found, setFound] = useState<OfficerOption[]>([]);

  useEffect(() => {
    let current = true;
    listOfficers({ q: keyword.trim() || undefined, page: 1, pageSize: 50 }).then(
      (page) => {
        if (current) setFound(page.items.filter((o) => !accept || accept(o)).map(officerOption));
      },
      () => {
        if (current) setFound([]);
      },
    );
    return () => {
      current = false;
    };
  }, [keyword, accept]);

  const options = [...known.filter((k) => !found.some((f) => f.value === k.value)), ...found];
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      allowClear
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      placeholder={placeholder}
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      notFoundContent="没有匹配的执法人员"
      data-testid={testId}
    />
  );
}
