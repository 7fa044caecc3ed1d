import { Alert, Card, Flex, Grid, Table, Tabs, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { PublicationListItem } from '../../api/publications';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { beijingToday } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { navigate, routes, useLocation } from '../../router';
import { useUnits } from '../../session/UnitsContext';
import { PublicationDrawer } from './PublicationDrawer';
import { publicationColumns, publicationUrl } from './publicationColumns';
import { EMPTY_TEXT, loadTab, type PublicationTab, TAB_LABELS, TABS } from './publicationTabs';

const DEFAULT_PAGE_SIZE = 20;

/**
 * 事后公开: the decisions issued in the person's scope waiting to be published (nearest 公开期限
 * first), those published, kept back or withdrawn. `?id=` opens one in the drawer.
 */
export function PublicationsPage() {
  const { units } = useUnits();
  const compact = Grid.useBreakpoint().md === false;
  const { search } = useLocation();
  const openId = search.get('id');
  const [tab, setTab] = useState<PublicationTab>('draft');
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [unitId, setUnitId] = useState<string | undefined>();
  const today = beijingToday();

  const load = useCallback(() => loadTab(tab, paging, today, unitId), [tab, paging, today, unitId]);
  const queue = useAsync(load);
  const unitName = useCallback((id: string) => units.find((u) => u.id === id)?.name ?? '—', [units]);
  const columns = useMemo(() => publicationColumns(compact, today, unitName), [compact, today, unitName]);
  const result = queue.data;

  return (
    <Card title="事后公开" data-testid="publications-page">
      <Typography.Paragraph type="secondary">
        行政处罚决定自作出之日起 7 个工作日内、其他行政执法决定 20
        个工作日内公开。公开前逐项确认决定书中的个人信息(身份证号码、联系电话、住址等)并隐去;决定被撤销、变更或确认违法的,应当撤回公开信息并写明理由。
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setTab(key as PublicationTab);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        items={TABS.map((key) => ({ key, label: <span data-testid={`publications-tab-${key}`}>{TAB_LABELS[key]}</span> }))}
      />
      <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <label htmlFor="publications-unit">承办机构</label>
        <UnitTreeSelect
          id="publications-unit"
          allowClear
          placeholder="全部(含下级机构)"
          value={unitId}
          onChange={(id) => {
            setUnitId(id || undefined);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          style={{ width: compact ? '100%' : 260 }}
          data-testid="publications-filter-unit"
        />
      </Flex>
      {queue.error && queue.error.status !== 401 && (
        <Alert type="error" showIcon title={`${queue.error.message}(${queue.error.code})`} style={{ marginBottom: 16 }} />
      )}
      <Table<PublicationListItem>
        rowKey="id"
        columns={columns}
        dataSource={result?.page.items ?? []}
        loading={queue.loading}
        scroll={{ x: compact ? 480 : 960 }}
        size={compact ? 'small' : 'middle'}
        data-testid="publications-table"
        onRow={(record) => ({ onClick: () => navigate(publicationUrl(record.id)), style: { cursor: 'pointer' } })}
        locale={{ emptyText: EMPTY_TEXT[tab] }}
        pagination={
          result?.local
            ? { pageSize: DEFAULT_PAGE_SIZE, showTotal: (total) => `共 ${total} 件` }
            : {
                current: paging.page,
                pageSize: paging.pageSize,
                total: result?.page.total ?? 0,
                showSizeChanger: true,
                pageSizeOptions: [10, 20, 50, 100],
                showTotal: (total) => `共 ${total} 件`,
                onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
              }
        }
      />
      <PublicationDrawer publicationId={openId} onChanged={queue.reload} onClose={() => navigate(routes.publications, { replace: true })} />
    </Card>
  );
}
