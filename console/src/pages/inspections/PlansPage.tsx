import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Grid, Input, InputNumber, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { listPlans, PLAN_STATE_LABELS, type PlanState, type PlanView } from '../../api/inspections';
import { useAsync } from '../../hooks/useAsync';
import { navigate, routes, useLocation } from '../../router';
import { useCan } from '../../session/SessionContext';
import { PLAN_STATE_COLORS } from './inspectionLabels';
import { PlanDetail } from './PlanDetail';
import { PlanFormDrawer } from './PlanFormDrawer';
import { samplingText } from './planForm';

const STATE_OPTIONS = (Object.keys(PLAN_STATE_LABELS) as PlanState[]).map((s) => ({ value: s, label: PLAN_STATE_LABELS[s] }));
const planUrl = (id: string) => `${routes.inspectionPlans}?id=${encodeURIComponent(id)}`;

function planColumns(compact: boolean): TableColumnsType<PlanView> {
  const wide: TableColumnsType<PlanView> = [
    { title: '抽取日期', dataIndex: 'drawOn', width: 110 },
    { title: '检查期间', key: 'inspect', width: 200, render: (_, p) => `${p.inspectFrom} 至 ${p.inspectTo}` },
    { title: '抽取数量', key: 'sampling', width: 160, render: (_, p) => samplingText(p.sampling) },
    { title: '抽中', dataIndex: 'targetCount', width: 70, render: (n: number | null) => (n === null ? '—' : `${n} 户`) },
  ];
  return [
    {
      title: '计划',
      key: 'title',
      render: (_, p) => (
        <Flex vertical gap={2}>
          <Typography.Link
            href={planUrl(p.id)}
            onClick={(e) => {
              e.preventDefault();
              navigate(planUrl(p.id));
            }}
            data-testid="plan-row-title"
          >
            {p.title}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.year} 年 · {p.items.map((i) => i.name).join('、')}
            {compact && ` · 抽取日 ${p.drawOn}`}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(compact ? [] : wide),
    {
      title: '状态',
      dataIndex: 'state',
      width: compact ? 124 : 130,
      render: (s: PlanState, p) => (
        <Tag color={PLAN_STATE_COLORS[s]} data-testid="plan-row-state">
          {p.stateLabel}
        </Tag>
      ),
    },
  ];
}

/** 抽查计划: the plans of the person's scope, newest first; `?id=` shows one. */
export function PlansPage() {
  const can = useCan();
  const { message } = App.useApp();
  const compact = Grid.useBreakpoint().md === false;
  const { search } = useLocation();
  const openId = search.get('id');
  const [state, setState] = useState<PlanState | undefined>();
  const [year, setYear] = useState<number | null>(null);
  const [q, setQ] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const load = useCallback(() => listPlans({ state, year: year ?? undefined, q: q || undefined, ...paging }), [state, year, q, paging]);
  const plans = useAsync(load);
  const columns = useMemo(() => planColumns(compact), [compact]);
  const first = () => setPaging((p) => ({ ...p, page: 1 }));

  if (openId) return <PlanDetail id={openId} onChanged={plans.reload} />;

  return (
    <Card
      title="抽查计划"
      data-testid="inspection-plans-page"
      extra={
        can('inspection.plan') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-new">
            制定计划
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        计划经公告后冻结检查对象范围和执法检查人员名单,在公告的抽取日期以公开随机源(如彩票开奖号码)抽取检查对象并随机组成检查组;抽取过程和结果向社会公开,任何人都可以核验。
      </Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          aria-label="计划状态"
          allowClear
          placeholder="全部状态"
          style={{ width: compact ? '48%' : 150 }}
          options={STATE_OPTIONS}
          value={state}
          onChange={(v: PlanState | undefined) => {
            setState(v);
            first();
          }}
          data-testid="plans-filter-state"
        />
        <InputNumber
          aria-label="年度"
          placeholder="年度"
          min={2000}
          max={2100}
          style={{ width: compact ? '48%' : 110 }}
          value={year}
          onChange={(v) => {
            setYear(v);
            first();
          }}
        />
        <Input.Search
          aria-label="计划名称"
          allowClear
          placeholder="计划名称"
          style={{ width: compact ? '100%' : 260 }}
          onSearch={(v) => {
            setQ(v.trim());
            first();
          }}
        />
      </Flex>
      {plans.error && plans.error.status !== 401 && (
        <Alert type="error" showIcon title={`${plans.error.message}(${plans.error.code})`} style={{ marginBottom: 12 }} />
      )}
      <Table<PlanView>
        rowKey="id"
        columns={columns}
        dataSource={plans.data?.items ?? []}
        loading={plans.loading}
        size={compact ? 'small' : 'middle'}
        scroll={compact ? undefined : { x: 1000 }}
        data-testid="plans-table"
        locale={{ emptyText: '还没有抽查计划' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: plans.data?.total ?? 0,
          showTotal: (total) => `共 ${total} 个`,
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
      />
      <PlanFormDrawer
        target={creating ? 'new' : null}
        onClose={() => setCreating(false)}
        onSaved={(plan) => {
          message.success('已保存草稿,请核对后公告');
          setCreating(false);
          plans.reload();
          navigate(planUrl(plan.id));
        }}
      />
    </Card>
  );
}
