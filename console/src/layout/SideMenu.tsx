import { Menu, type MenuProps } from 'antd';
import { navigate } from '../router';
import { useMe } from '../session/SessionContext';
import { visibleNavItems } from './navigation';

export function SideMenu({ path, onNavigate }: { path: string; onNavigate?: () => void }) {
  const me = useMe();
  const items: MenuProps['items'] = visibleNavItems(me.permissions).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: item.label,
    'data-testid': item.testId,
  }));

  return (
    <Menu
      mode="inline"
      theme="dark"
      selectedKeys={[path]}
      items={items}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
