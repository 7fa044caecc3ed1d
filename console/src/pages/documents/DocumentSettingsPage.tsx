import { Card, Tabs } from 'antd';
import { navigate, routes, useLocation } from '../../router';
import { useCan } from '../../session/SessionContext';
import { PrefixSection } from './PrefixSection';
import { ProfileSection } from './ProfileSection';

const TABS = ['prefixes', 'profiles'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | null): value is Tab => TABS.some((t) => t === value);

/** 文书设置: each unit's 文号前缀 and 文书固定信息 (the tab is in the URL). Administrators edit; others may look. */
export function DocumentSettingsPage() {
  const { search } = useLocation();
  const can = useCan();
  const tab = search.get('tab');
  const active: Tab = isTab(tab) ? tab : 'prefixes';

  return (
    <Card title="文书设置">
      <Tabs
        activeKey={active}
        onChange={(key) => {
          if (isTab(key)) navigate(`${routes.documentSettings}?tab=${key}`);
        }}
        destroyOnHidden
        items={[
          {
            key: 'prefixes',
            label: <span data-testid="doc-settings-tab-prefixes">文号前缀</span>,
            children: <PrefixSection editable={can('documents.manage_prefixes')} />,
          },
          {
            key: 'profiles',
            label: <span data-testid="doc-settings-tab-profiles">文书固定信息</span>,
            children: <ProfileSection editable={can('documents.manage_unit_profiles')} />,
          },
        ]}
      />
    </Card>
  );
}
