import { Alert, Card, Checkbox, Flex, Grid, Input, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { listPlans, listTasks, TASK_STATE_LABELS, type TaskState, type TaskView } from '../../api/inspections';
import { beijingToday, formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { navigate, routes, useLocation } from '../../router';
import { DeadlineTag } from '../cases/DeadlineTag';
import { TASK_STATE_COLORS, teamText } from './inspectionLabels';
import { TaskDrawer } from './TaskDrawer';

const STATE_OPTIONS = (Object.keys(TASK_STATE_LABELS) as TaskState[]).map((s) => ({ value: s, label: TASK_STATE_LABELS[s] }));
const small = { fontSize: 12 } as const;

function taskUrl(id: string | null, planId: string | null): string {
  const params = new URLSearchParams();
  if (planId) params.set('planId', planId);
  if (id) params.set('id', id);
  const qs = params.toString();
  return qs ? `${routes.inspectionTasks}?${qs}` : routes.inspectionTasks;
}

/** Where a task stands on its deadline: the publication due once inspected, the publication day once public. */
function DueCell({ task, today }: { task: TaskView; today: string }) {
  if (task.state === 'published')
    return <Typography.Text style={small}>{formatTime(task.publishedAt).slice(0, 10)} 已公示</Typography.Text>;
  if (task.state === 'assigned') return <Typography.Text style={small}>待检查</Typography.Text>;
  return (
    <Flex vertical gap={2} align="start">
      <DeadlineTag due={task.publishDue} today={today} />
      {task.overdue && (
        <Tag color="error" data-testid="task-overdue">
          逾期未公示
        </Tag>
      )}
    </Flex>
  );
}

function taskColumns(compact: boolean, today: string, planId: string | null): TableColumnsType<TaskView> {
  const wide: TableColumnsType<TaskView> = [
    { title: '检查组', key: 'team', width: 160, render: (_, t) => teamText(t.team) },
    { title: '抽查事项', key: 'items', ellipsis: true, render: (_, t) => t.items.map((i) => i.name).join('、') },
  ];
  return [
    {
      title: '检查对象',
      key: 'entity',
      render: (_, t) => (
        <Flex vertical gap={2}>
          <Typography.Link
            href={taskUrl(t.id, planId)}
            onClick={(e) => {
              e.preventDefault();
              navigate(taskUrl(t.id, planId));
            }}
            data-testid="task-row-entity"
          >
            {t.entityName || t.uscc}
          </Typography.Link>
          <Typography.Text type="secondary" style={small}>
            {t.planTitle} · 第 {t.ordinal} 号
          </Typography.Text>
          {compact && <Typography.Text style={small}>检查组:{teamText(t.team)}</Typography.Text>}
        </Flex>
      ),
    },
    ...(compact ? [] : wide),
    { title: '公示期限', key: 'due', width: compact ? 120 : 170, render: (_, t) => <DueCell task={t} today={today} /> },
    {
      title: '状态',
      dataIndex: 'state',
      width: 100,
      render: (s: TaskState) => (
        <Tag color={TASK_STATE_COLORS[s]} data-testid="task-row-state">
          {TASK_STATE_LABELS[s]}
        </Tag>
      ),
    },
  ];
}

/** 检查任务: one per selected entity and its team; filtered by plan, state, the person's own, overdue; `?id=` opens one. */
export function TasksPage() {
  const compact = Grid.useBreakpoint().md === false;
  const { search } = useLocation();
  const openId = search.get('id');
  const planId = search.get('planId');
  const today = beijingToday();
  const [state, setState] = useState<TaskState | undefined>();
  const [mine, setMine] = useState(false);
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const load = useCallback(
    () => listTasks({ planId: planId ?? undefined, state, mine, overdue, q: q || undefined, ...paging }),
    [planId, state, mine, overdue, q, paging],
  );
  const tasks = useAsync(load);
  const loadPlans = useCallback(() => listPlans({ state: 'drawn', page: 1, pageSize: 100 }), []);
  const plans = useAsync(loadPlans);
  const columns = useMemo(() => taskColumns(compact, today, planId), [compact, today, planId]);
  const first = () => setPaging((p) => ({ ...p, page: 1 }));

  return (
    <Card title="检查任务" data-testid="inspection-tasks-page">
      <Typography.Paragraph type="secondary">
        检查组对抽中的检查对象实施检查(一次检查、查多项事项),录入检查情况和结果;结果在检查结束后 20
        个工作日内由承办机构负责人公示。发现违法问题需要处罚的,从任务「立案查处」登记案件。
      </Typography.Paragraph>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Select
          aria-label="抽查计划"
          allowClear
          placeholder="全部计划"
          style={{ width: compact ? '100%' : 280 }}
          loading={plans.loading}
          value={planId ?? undefined}
          options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(v: string | undefined) => {
            navigate(taskUrl(null, v ?? null));
            first();
          }}
          data-testid="tasks-filter-plan"
        />
        <Select
          aria-label="任务状态"
          allowClear
          placeholder="全部状态"
          style={{ width: compact ? '48%' : 150 }}
          options={STATE_OPTIONS}
          value={state}
          onChange={(v: TaskState | undefined) => {
            setState(v);
            first();
          }}
          data-testid="tasks-filter-state"
        />
        <Checkbox
          checked={mine}
          onChange={(e) => {
            setMine(e.target.checked);
            first();
          }}
          data-testid="tasks-filter-mine"
        >
          只看我的
        </Checkbox>
        <Checkbox
          checked={overdue}
          onChange={(e) => {
            setOverdue(e.target.checked);
            first();
          }}
          data-testid="tasks-filter-overdue"
        >
          逾期未公示
        </Checkbox>
        <Input.Search
          aria-label="检查对象名称或信用代码"
          allowClear
          placeholder="检查对象名称或信用代码"
          style={{ width: compact ? '100%' : 240 }}
          onSearch={(v) => {
            setQ(v.trim());
            first();
          }}
        />
      </Flex>
      {tasks.error && tasks.error.status !== 401 && (
        <Alert type="error" showIcon title={`${tasks.error.message}(${tasks.error.code})`} style={{ marginBottom: 12 }} />
      )}
      <Table<TaskView>
        rowKey="id"
        columns={columns}
        dataSource={tasks.data?.items ?? []}
        loading={tasks.loading}
        size={compact ? 'small' : 'middle'}
        scroll={compact ? undefined : { x: 1000 }}
        data-testid="tasks-table"
        locale={{ emptyText: '没有检查任务' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: tasks.data?.total ?? 0,
          showTotal: (total) => `共 ${total} 项`,
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
      />
      <TaskDrawer
        taskId={openId}
        today={today}
        onClose={() => navigate(taskUrl(null, planId), { replace: true })}
        onChanged={tasks.reload}
      />
    </Card>
  );
}
