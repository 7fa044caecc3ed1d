import { Select, type SelectProps } from 'antd';
import { useRoles } from '../hooks/useRoles';

export type RoleSelectProps = Omit<SelectProps<string | string[]>, 'options'>;

/** Roles by their Chinese label, with the description as a tooltip-like title. */
export function RoleSelect(props: RoleSelectProps) {
  const roles = useRoles();
  return (
    <Select<string | string[]>
      placeholder="请选择角色"
      {...props}
      options={roles.map((r) => ({ value: r.code, label: r.label, title: r.description }))}
    />
  );
}
