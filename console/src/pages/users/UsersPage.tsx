import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Grid, Table } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { listUsers, resetUserPassword } from '../../api/endpoints';
import type { User } from '../../api/types';
import { type OneTimePassword, OneTimePasswordModal } from '../../components/OneTimePasswordModal';
import { useAsync } from '../../hooks/useAsync';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useCan } from '../../session/SessionContext';
import { CreateUserModal } from './CreateUserModal';
import { EditUserModal } from './EditUserModal';
import { UserFilters, type UserFilterValues } from './UserFilters';
import { userColumns } from './userColumns';

const DEFAULT_PAGE_SIZE = 20;

export function UsersPage() {
  const { message } = App.useApp();
  const can = useCan();
  const compact = Grid.useBreakpoint().md === false;
  const [filters, setFilters] = useState<UserFilterValues>({});
  const [pagination, setPagination] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [shownPassword, setShownPassword] = useState<OneTimePassword | null>(null);

  const load = useCallback(() => listUsers({ ...filters, ...pagination }), [filters, pagination]);
  const users = useAsync(load);

  const showError = useErrorMessage();

  const resetPassword = useCallback(
    async (user: User) => {
      try {
        const { temporaryPassword } = await resetUserPassword(user.id);
        setShownPassword({ title: '临时密码', username: user.username, displayName: user.displayName, password: temporaryPassword });
        users.reload();
      } catch (err) {
        showError(err);
      }
    },
    [showError, users.reload],
  );

  const columns = useMemo(
    () =>
      userColumns({
        compact,
        onEdit: can('user.update') ? setEditing : undefined,
        onResetPassword: can('user.reset_password') ? resetPassword : undefined,
      }),
    [can, compact, resetPassword],
  );

  return (
    <Card title="用户管理">
      <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
        <UserFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            setPagination((p) => ({ ...p, page: 1 }));
          }}
        />
        {can('user.create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
            新增用户
          </Button>
        )}
      </Flex>
      {users.error && users.error.status !== 401 && (
        <Alert type="error" showIcon title={users.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.loading}
        scroll={{ x: 960 }}
        data-testid="users-table"
        pagination={{
          current: pagination.page,
          pageSize: pagination.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 人`,
          onChange: (page, pageSize) => setPagination({ page: pageSize === pagination.pageSize ? page : 1, pageSize }),
        }}
      />
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onError={showError}
        onCreated={(user, initialPassword) => {
          setCreating(false);
          users.reload();
          if (initialPassword)
            setShownPassword({ title: '初始密码', username: user.username, displayName: user.displayName, password: initialPassword });
          else message.success(`已创建用户 ${user.displayName}`);
        }}
      />
      <EditUserModal
        user={editing}
        onClose={() => setEditing(null)}
        onError={showError}
        onSaved={(user) => {
          setEditing(null);
          message.success(`已保存 ${user.displayName} 的修改`);
          users.reload();
        }}
      />
      <OneTimePasswordModal value={shownPassword} onClose={() => setShownPassword(null)} />
    </Card>
  );
}
