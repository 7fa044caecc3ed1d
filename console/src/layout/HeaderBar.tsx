import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Flex, Space, Tag, Typography } from 'antd';
import { useMe, useSession } from '../session/SessionContext';
import { useUnits } from '../session/UnitsContext';

export interface HeaderBarProps {
  compact: boolean;
  onOpenMenu: () => void;
}

/** Agency name on the left; who is signed in (name, unit, roles) and 退出登录 on the right. */
export function HeaderBar({ compact, onOpenMenu }: HeaderBarProps) {
  const me = useMe();
  const { logout } = useSession();
  const { agencyName } = useUnits();

  return (
    <Flex align="center" justify="space-between" gap={12} style={{ height: '100%' }}>
      <Flex align="center" gap={8} style={{ minWidth: 0 }}>
        {compact && <Button type="text" icon={<MenuOutlined />} aria-label="打开菜单" onClick={onOpenMenu} data-testid="menu-open" />}
        <Typography.Text strong ellipsis style={{ fontSize: compact ? 15 : 17 }} data-testid="agency-name">
          {agencyName}
        </Typography.Text>
      </Flex>
      <Space size={compact ? 4 : 12} style={{ flexShrink: 0 }}>
        <Avatar size="small" icon={<UserOutlined />} />
        <Typography.Text data-testid="current-user">{me.user.displayName}</Typography.Text>
        {!compact && <Typography.Text type="secondary">{me.unit.name}</Typography.Text>}
        {!compact &&
          me.roles.map((role) => (
            <Tag key={role.code} color="blue" style={{ marginInlineEnd: 0 }}>
              {role.label}
            </Tag>
          ))}
        <Button
          type="text"
          icon={<LogoutOutlined />}
          onClick={() => void logout()}
          aria-label="退出登录"
          title="退出登录"
          data-testid="logout"
        >
          {compact ? null : '退出登录'}
        </Button>
      </Space>
    </Flex>
  );
}
