import { Input, Select, Space } from 'antd';
import type { UserStatus } from '../../api/types';
import { RoleSelect } from '../../components/RoleSelect';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { USER_STATUS_LABELS } from '../../labels/unitKinds';

export interface UserFilterValues {
  q?: string;
  unitId?: string;
  role?: string;
  status?: UserStatus;
}

const STATUS_OPTIONS = (Object.keys(USER_STATUS_LABELS) as UserStatus[]).map((value) => ({ value, label: USER_STATUS_LABELS[value] }));

/** Each change is applied at once (the page goes back to page 1); the keyword applies on Enter or the search button. */
export function UserFilters({ value, onChange }: { value: UserFilterValues; onChange: (next: UserFilterValues) => void }) {
  return (
    <Space wrap>
      <Input.Search
        allowClear
        placeholder="用户名或姓名"
        defaultValue={value.q}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={{ width: 200 }}
        data-testid="user-filter-q"
      />
      <UnitTreeSelect
        allowClear
        placeholder="所属机构"
        value={value.unitId}
        onChange={(unitId) => onChange({ ...value, unitId: unitId || undefined })}
        style={{ width: 220 }}
      />
      <RoleSelect
        allowClear
        placeholder="角色"
        value={value.role}
        onChange={(role) => onChange({ ...value, role: typeof role === 'string' ? role : undefined })}
        style={{ width: 160 }}
      />
      <Select<UserStatus>
        allowClear
        placeholder="状态"
        value={value.status}
        onChange={(status) => onChange({ ...value, status: status || undefined })}
        options={STATUS_OPTIONS}
        style={{ width: 110 }}
      />
    </Space>
  );
}
