import { Form, Input, Modal, Switch } from 'antd';
import { useState } from 'react';
import { type UpdateUserInput, updateUser } from '../../api/endpoints';
import type { User } from '../../api/types';
import { RoleSelect } from '../../components/RoleSelect';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';

interface EditUserValues {
  displayName: string;
  unitId: string;
  roles: string[];
  active: boolean;
}

export interface EditUserModalProps {
  /** The user being edited; null hides the modal. */
  user: User | null;
  onClose: () => void;
  onSaved: (user: User) => void;
  onError: (error: unknown) => void;
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((code) => b.includes(code));
}

/** Sends only what changed, so the event log's before/after shows the actual edit. */
function changes(user: User, values: EditUserValues): UpdateUserInput {
  const input: UpdateUserInput = {};
  const displayName = values.displayName.trim();
  if (displayName !== user.displayName) input.displayName = displayName;
  if (values.unitId !== user.unitId) input.unitId = values.unitId;
  if (!sameRoles(values.roles, user.roles)) input.roles = values.roles;
  const status = values.active ? 'active' : 'disabled';
  if (status !== user.status) input.status = status;
  return input;
}

export function EditUserModal({ user, onClose, onSaved, onError }: EditUserModalProps) {
  const [form] = Form.useForm<EditUserValues>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: EditUserValues) => {
    if (!user) return;
    const input = changes(user, values);
    if (Object.keys(input).length === 0) {
      onClose();
      return;
    }
    setSubmitting(true);
    try {
      onSaved(await updateUser(user.id, input));
    } catch (err) {
      onError(err);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? `编辑用户:${user.username}` : '编辑用户'}
      okText="保存"
      cancelText="取消"
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'user-edit-submit' }}
      destroyOnHidden
    >
      {user && (
        <Form<EditUserValues>
          key={user.id}
          form={form}
          name="editUser"
          layout="vertical"
          onFinish={submit}
          initialValues={{ displayName: user.displayName, unitId: user.unitId, roles: user.roles, active: user.status === 'active' }}
        >
          <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item label="所属机构" name="unitId" rules={[{ required: true, message: '请选择所属机构' }]}>
            <UnitTreeSelect />
          </Form.Item>
          <Form.Item label="角色" name="roles" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个角色' }]}>
            <RoleSelect mode="multiple" />
          </Form.Item>
          <Form.Item label="账号状态" name="active" valuePropName="checked" extra="停用后该用户无法登录,已登录的会话将失效。">
            <Switch checkedChildren="启用" unCheckedChildren="停用" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
