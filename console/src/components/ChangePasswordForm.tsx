import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { changeMyPassword } from '../api/endpoints';

interface FormValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Mirrors the server's policy as a hint only; the server decides and its message is shown as-is. */
function policyProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push('至少 8 位');
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('需包含大写字母、小写字母、数字、符号中的至少 3 类');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('不能包含用户名');
  return problems;
}

export interface ChangePasswordFormProps {
  username: string;
  onChanged: () => void | Promise<void>;
  submitText?: string;
}

export function ChangePasswordForm({ username, onChanged, submitText = '修改密码' }: ChangePasswordFormProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: FormValues) => {
    setSubmitting(true);
    try {
      await changeMyPassword(values.currentPassword, values.newPassword);
      form.resetFields();
      message.success('密码已修改');
      await onChanged();
    } catch (err) {
      // A 401 already sent the person to the login page; anything else is explained by the server's message.
      if (err instanceof ApiError && err.status !== 401) message.error(err.message);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<FormValues> form={form} name="changePassword" layout="vertical" onFinish={submit} style={{ maxWidth: 420 }}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="密码要求:至少 8 位;包含大写字母、小写字母、数字、符号中的至少 3 类;不能包含用户名。"
      />
      <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        rules={[
          { required: true, message: '请输入新密码' },
          {
            validator: async (_rule, value: string | undefined) => {
              const problems = policyProblems(value ?? '', username);
              if (value && problems.length > 0) throw new Error(`新密码${problems.join(';')}`);
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {submitText}
        </Button>
      </Form.Item>
    </Form>
  );
}
