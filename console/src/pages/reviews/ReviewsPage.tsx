import { Alert, Card, Flex, Select, Table, Tabs, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { ReviewListItem } from '../../api/reviews';
import { beijingToday } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { navigate, routes, useLocation } from '../../router';
import { useCan } from '../../session/SessionContext';
import { useUnits } from '../../session/UnitsContext';
import { ReviewDrawer } from './ReviewDrawer';
import { ReviewStatsCard } from './ReviewStatsCard';
import { reviewColumns } from './reviewColumns';
import { REVIEW_STATE_LABELS, REVIEW_STATES } from './reviewLabels';
import { EMPTY_TEXT, loadTab, type ReviewTab, TAB_LABELS } from './reviewTabs';

const DEFAULT_PAGE_SIZE = 20;

const STATE_OPTIONS = REVIEW_STATES.map((s) => ({ value: s, label: REVIEW_STATE_LABELS[s] }));

/**
 * 法制审核: 政策法规科's inbox (the waiting queue, their own, the clocks running out) and, read-only, the
 * reviews of a leader's, supervisor's or unit's scope. `?id=` opens one in the drawer.
 */
export function ReviewsPage() {
  const can = useCan();
  const { units } = useUnits();
  const { search } = useLocation();
  const openId = search.get('id');
  const reviewer = can('review.conduct');
  const tabs: ReviewTab[] = reviewer ? ['queue', 'mine', 'soon', 'overdue', 'all'] : ['all', 'queue', 'soon', 'overdue'];
  const [tab, setTab] = useState<ReviewTab>(tabs[0] ?? 'all');
  const [state, setState] = useState<string | undefined>(undefined);
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const today = beijingToday();

  const load = useCallback(() => loadTab(tab, state, paging, today), [tab, state, paging, today]);
  const reviews = useAsync(load);
  const unitName = useCallback((id: string) => units.find((u) => u.id === id)?.name ?? '—', [units]);
  const columns = useMemo(() => reviewColumns(today, unitName), [today, unitName]);
  const result = reviews.data;

  const open = (id: string) => navigate(`${routes.reviews}?id=${encodeURIComponent(id)}`);

  return (
    <Card title="法制审核">
      <Typography.Paragraph type="secondary">
        重大执法决定须经政策法规科法制审核同意后方可作出。审核期限自收到完整送审材料之日起计算(默认 7 个工作日),经局领导批准可延长一次(默认
        3 个工作日)。
      </Typography.Paragraph>
      <ReviewStatsCard />
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setTab(key as ReviewTab);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          items={tabs.map((key) => ({ key, label: <span data-testid={`reviews-tab-${key}`}>{TAB_LABELS[key]}</span> }))}
        />
        {tab === 'all' && (
          <Select
            allowClear
            placeholder="全部状态"
            style={{ width: 160 }}
            options={STATE_OPTIONS}
            value={state}
            onChange={(value: string | undefined) => {
              setState(value);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            data-testid="reviews-filter-state"
          />
        )}
      </Flex>
      {reviews.error && reviews.error.status !== 401 && (
        <Alert type="error" showIcon title={reviews.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<ReviewListItem>
        rowKey="id"
        columns={columns}
        dataSource={result?.page.items ?? []}
        loading={reviews.loading}
        scroll={{ x: 1100 }}
        data-testid="reviews-table"
        onRow={(record) => ({ onClick: () => open(record.id), style: { cursor: 'pointer' } })}
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
      <ReviewDrawer reviewId={openId} onChanged={reviews.reload} onClose={() => navigate(routes.reviews, { replace: true })} />
    </Card>
  );
}
