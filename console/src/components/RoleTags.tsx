import { Tag } from 'antd';
import { useRoles } from '../hooks/useRoles';
import { roleLabel } from '../labels/roleLabels';

export function RoleTags({ codes }: { codes: readonly string[] }) {
  const roles = useRoles();
  return (
    <>
      {codes.map((code) => (
        <Tag key={code} color={code === 'admin' ? 'red' : 'blue'}>
          {roleLabel(code, roles)}
        </Tag>
      ))}
    </>
  );
}
