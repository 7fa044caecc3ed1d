import { Button, Popconfirm, Space, type TableColumnsType, Tag } from 'antd';
import type { User } from '../../api/types';
import { RoleTags } from '../../components/RoleTags';
import { formatTime } from '../../format';
import { USER_STATUS_LABELS } from '../../labels/unitKinds';

export interface UserActions {
  /** Phones: pinning the action column would leave room for little else, so it scrolls with the rest. */
  compact: boolean;
  /** Absent when the signed-in person may not edit users. */
  onEdit?: (user: User) => void;
  onResetPassword?: (user: User) => void;
}

export function userColumns({ compact, onEdit, onResetPassword }: UserActions): TableColumnsType<User> {
  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: compact ? 110 : 140, fixed: 'left' },
    { title: '姓名', dataIndex: 'displayName', width: 120 },
    { title: '所属机构', dataIndex: 'unitName', width: 200 },
    { title: '角色', dataIndex: 'roles', render: (roles: string[]) => <RoleTags codes={roles} /> },
    {
      title: '状态',
      dataIndex: 'status',
      width: 80,
      render: (status: User['status']) => <Tag color={status === 'active' ? 'green' : 'default'}>{USER_STATUS_LABELS[status]}</Tag>,
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 180, render: (iso: string | null) => formatTime(iso, '从未登录') },
  ];
  if (onEdit || onResetPassword) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 160,
      fixed: compact ? undefined : 'right',
      render: (_value, user) => (
        <Space size={0}>
          {onEdit && (
            <Button type="link" size="small" onClick={() => onEdit(user)} data-testid={`user-edit-${user.username}`}>
              编辑
            </Button>
          )}
          {onResetPassword && (
            <Popconfirm
              title="重置密码"
              description={`确定重置 ${user.displayName} 的密码?原密码将立即失效,该用户下次登录时须修改密码。`}
              okText="重置"
              cancelText="取消"
              onConfirm={() => onResetPassword(user)}
            >
              <Button type="link" size="small" danger data-testid={`user-reset-${user.username}`}>
                重置密码
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }
  return columns;
}
