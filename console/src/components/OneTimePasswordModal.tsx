import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { copyText } from './copyText';

export interface OneTimePassword {
  /** e.g. 初始密码 or 临时密码 */
  title: string;
  username: string;
  displayName: string;
  password: string;
}

/**
 * Shows a server-generated password exactly once: the server keeps only its hash,
 * so the administrator must hand it over now, and the person must change it at first login.
 */
export function OneTimePasswordModal({ value, onClose }: { value: OneTimePassword | null; onClose: () => void }) {
  const { message } = App.useApp();
  const copy = async () => {
    if (!value) return;
    if (await copyText(value.password)) message.success('已复制到剪贴板');
    else message.error('复制失败,请手动选中密码复制');
  };

  return (
    <Modal
      open={value !== null}
      title={value?.title}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          我已记下
        </Button>
      }
    >
      {value && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text>
            用户 {value.displayName}({value.username})的{value.title}:
          </Typography.Text>
          <Space wrap>
            <Typography.Text code style={{ fontSize: 20 }} data-testid="initial-password">
              {value.password}
            </Typography.Text>
            <Button icon={<CopyOutlined />} onClick={copy}>
              复制
            </Button>
          </Space>
          <Alert
            type="warning"
            showIcon
            title="此密码只显示这一次,关闭后无法再次查看。请当面或通过安全渠道交给本人;本人首次登录时必须修改密码。"
          />
        </Space>
      )}
    </Modal>
  );
}
