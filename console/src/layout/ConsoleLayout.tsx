import { Drawer, Grid, Layout, Typography, theme } from 'antd';
import { type ReactNode, useState } from 'react';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';

const SIDER_WIDTH = 208;

function Brand({ collapsed }: { collapsed: boolean }) {
  return (
    <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', padding: '0 12px' }}>
      <Typography.Text strong style={{ color: '#fff', fontSize: collapsed ? 16 : 17, whiteSpace: 'nowrap' }}>
        {collapsed ? '三项' : '三项制度执法平台'}
      </Typography.Text>
    </div>
  );
}

/**
 * Desktop: a collapsible Sider. Phones (< 768px): the Sider would squeeze the page, so the same menu
 * opens in a Drawer from a button in the header instead.
 */
export function ConsoleLayout({ path, children }: { path: string; children: ReactNode }) {
  const screens = Grid.useBreakpoint();
  // Before the first measurement `md` is undefined; assume a desktop rather than flashing the phone layout.
  const compact = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!compact && (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={SIDER_WIDTH}>
          <Brand collapsed={collapsed} />
          <SideMenu path={path} />
        </Layout.Sider>
      )}
      {compact && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={SIDER_WIDTH + 32}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand collapsed={false} />
          <SideMenu path={path} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: compact ? '0 8px' : '0 24px',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <HeaderBar compact={compact} onOpenMenu={() => setDrawerOpen(true)} />
        </Layout.Header>
        <Layout.Content style={{ padding: compact ? 12 : 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
