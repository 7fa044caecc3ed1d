import { Menu, type MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { navigate } from '../router';
import { useMe } from '../session/SessionContext';
import { NAV_GROUPS, type NavItem, visibleNavItems } from './navigation';

type MenuItems = NonNullable<MenuProps['items']>;

const leaf = (item: NavItem) => ({ key: item.path, icon: item.icon, label: item.label, 'data-testid': item.testId });

/** The visible entries in order; a group's entries gathered into its submenu where the first of them stands. */
function menuItems(visible: readonly NavItem[]): MenuItems {
  const items: MenuItems = [];
  const placed = new Set<string>();
  for (const item of visible) {
    const group = item.group ? NAV_GROUPS.find((g) => g.key === item.group) : undefined;
    if (!group) {
      items.push(leaf(item));
      continue;
    }
    if (placed.has(group.key)) continue;
    placed.add(group.key);
    items.push({
      key: `group:${group.key}`,
      icon: group.icon,
      label: <span data-testid={group.testId}>{group.label}</span>,
      children: visible.filter((i) => i.group === group.key).map(leaf),
    });
  }
  return items;
}

export function SideMenu({ path, onNavigate }: { path: string; onNavigate?: () => void }) {
  const me = useMe();
  const visible = visibleNavItems(me.permissions);
  const current = visible.find((item) => item.path === path)?.group;
  // The submenu of the page on show starts open; the person may open or close others.
  const [openKeys, setOpenKeys] = useState<string[]>(current ? [`group:${current}`] : []);
  // Arriving at a page of a closed submenu by a link opens it, so the page's entry shows as selected.
  useEffect(() => {
    if (current) setOpenKeys((keys) => (keys.includes(`group:${current}`) ? keys : [...keys, `group:${current}`]));
  }, [current]);

  return (
    <Menu
      mode="inline"
      theme="dark"
      selectedKeys={[path]}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      items={menuItems(visible)}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
