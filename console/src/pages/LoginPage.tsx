import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { login } from '../api/endpoints';
import { goToTarget, safeNext } from '../router';
import { useSession } from '../session/SessionContext';
import { PLATFORM_NAME } from '../session/UnitsContext';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage({ next }: { next: string | null }) {
  const { state, signedIn } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const target = safeNext(next);

  // Someone who is already signed in (e.g. opened the login link in a second tab) goes straight on.
  useEffect(() => {
    if (state.status === 'authenticated') goToTarget(target);
  }, [state.status, target]);

  const submit = async (values: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const me = await login(values.username.trim(), values.password);
      signedIn(me);
      goToTarget(target);
    } catch (err) {
      // The server's message already says what went wrong (wrong password, disabled, locked for N minutes).
      setError(err instanceof ApiError ? err.message : '登录失败,请稍后重试');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f0f2f5' }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          {PLATFORM_NAME}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          工作人员登录
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<LoginValues> name="login" size="large" onFinish={submit} autoComplete="on">
          <Form.Item name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoCapitalize="none" autoFocus />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
              登录
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </Flex>
  );
}
