import { Button, Card, Flex, Typography } from 'antd';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { useMe, useSession } from '../session/SessionContext';

/**
 * Accounts created or reset by an administrator carry a password someone else has seen;
 * until it is replaced this is the only page the console shows.
 */
export function ForcePasswordChangePage() {
  const me = useMe();
  const { reload, logout } = useSession();

  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f0f2f5' }}>
      <Card style={{ width: '100%', maxWidth: 460 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          首次登录请修改密码
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {me.user.displayName}({me.user.username}),您的密码由管理员设置,为保障账号安全,请先设置只有您本人知道的新密码。
        </Typography.Paragraph>
        <ChangePasswordForm username={me.user.username} onChanged={reload} submitText="修改密码并继续" />
        <Button type="link" onClick={() => void logout()} style={{ padding: 0 }}>
          退出登录
        </Button>
      </Card>
    </Flex>
  );
}
