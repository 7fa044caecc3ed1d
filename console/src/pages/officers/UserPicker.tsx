import { Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { listUsers } from '../../api/endpoints';
import { useCan } from '../../session/SessionContext';

interface UserPickerProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
}

/**
 * 关联用户账号 (optional). With `user.list` it searches accounts by name; without it the account id
 * can still be typed in, since the server only checks that the account exists.
 */
export function UserPicker({ id, value, onChange }: UserPickerProps) {
  const can = useCan();
  const [keyword, setKeyword] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const mayList = can('user.list');

  useEffect(() => {
    if (!mayList) return;
    let current = true;
    listUsers({ q: keyword.trim() || undefined, page: 1, pageSize: 20 }).then(
      (page) => {
        if (current) setOptions(page.items.map((u) => ({ value: u.id, label: `${u.displayName}(${u.username},${u.unitName})` })));
      },
      () => {
        if (current) setOptions([]);
      },
    );
    return () => {
      current = false;
    };
  }, [keyword, mayList]);

  if (!mayList) {
    return (
      <Input
        id={id}
        allowClear
        placeholder="用户账号 ID(可不填)"
        value={value ?? ''}
        onChange={(e) => onChange?.(e.target.value.trim() || null)}
      />
    );
  }
  return (
    <Select<string>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      placeholder="搜索用户名或姓名(可不填)"
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      notFoundContent="没有匹配的用户"
    />
  );
}
