import { Card, Descriptions, Space } from 'antd';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { accountItems } from '../session/accountItems';
import { useMe, useSession } from '../session/SessionContext';

export function ProfilePage() {
  const me = useMe();
  const account = accountItems(me);
  const { reload } = useSession();

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="我的账号">
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          size="small"
          items={[account.username, account.displayName, account.unit, account.roles, account.previousLogin, account.createdAt]}
        />
      </Card>
      <Card title="修改密码">
        <ChangePasswordForm username={me.user.username} onChanged={reload} />
      </Card>
    </Space>
  );
}
