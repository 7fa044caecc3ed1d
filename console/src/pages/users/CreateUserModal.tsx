import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { createUser } from '../../api/endpoints';
import type { User } from '../../api/types';
import { RoleSelect } from '../../components/RoleSelect';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';

interface CreateUserValues {
  username: string;
  displayName: string;
  unitId: string;
  roles: string[];
  password?: string;
}

export interface CreateUserModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User, initialPassword: string | null) => void;
  onError: (error: unknown) => void;
}

/** The form is named `createUser` so antd gives its inputs stable ids (createUser_username, ...) for tests. */
export function CreateUserModal({ open, onClose, onCreated, onError }: CreateUserModalProps) {
  const [form] = Form.useForm<CreateUserValues>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: CreateUserValues) => {
    setSubmitting(true);
    try {
      const password = values.password?.trim() ? values.password : undefined;
      const result = await createUser({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        unitId: values.unitId,
        roles: values.roles,
        ...(password ? { password } : {}),
      });
      onCreated(result.user, result.initialPassword);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'username_taken') form.setFields([{ name: 'username', errors: [err.message] }]);
      if (err instanceof ApiError && err.code === 'password_too_weak') form.setFields([{ name: 'password', errors: [err.message] }]);
      onError(err);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title="新增用户"
      okText="创建"
      cancelText="取消"
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      // Clear only once the closing animation is over, so the form does not visibly empty while fading out.
      afterClose={() => form.resetFields()}
      okButtonProps={{ 'data-testid': 'user-create-submit' }}
      forceRender
    >
      <Form<CreateUserValues> form={form} name="createUser" layout="vertical" onFinish={submit} initialValues={{ roles: ['officer'] }}>
        <Form.Item
          label="用户名"
          name="username"
          extra="小写字母开头,3–32 位,可含小写字母、数字和 _ . -;创建后不能修改。"
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: '用户名格式不正确' },
          ]}
        >
          <Input autoComplete="off" autoCapitalize="none" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item label="所属机构" name="unitId" rules={[{ required: true, message: '请选择所属机构' }]}>
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item label="角色" name="roles" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个角色' }]}>
          <RoleSelect mode="multiple" />
        </Form.Item>
        <Form.Item
          label="初始密码"
          name="password"
          extra="可不填:留空时由系统生成随机密码,创建后显示一次。无论哪种方式,本人首次登录时都必须修改密码。"
        >
          <Input.Password autoComplete="new-password" placeholder="留空则自动生成" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
