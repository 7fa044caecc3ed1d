import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Grid, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { drawBundleUrl, listTasks, type PlanView, TASK_STATE_LABELS, type TaskState, type TaskView } from '../../api/inspections';
import { useAsync } from '../../hooks/useAsync';
import { navigate, routes } from '../../router';
import { TASK_STATE_COLORS, teamText } from './inspectionLabels';

const PAGE_SIZE = 20;

/** The task in the tasks page, listed with the rest of its plan. */
const taskUrl = (t: TaskView) => `${routes.inspectionTasks}?planId=${encodeURIComponent(t.planId)}&id=${encodeURIComponent(t.id)}`;

/** The draw's result: the selected entities with their teams (the tasks), recusals, and where anyone can check it. */
export function DrawResultCard({ plan }: { plan: PlanView }) {
  const compact = Grid.useBreakpoint().md === false;
  const [page, setPage] = useState(1);
  const load = useCallback(() => listTasks({ planId: plan.id, page, pageSize: PAGE_SIZE }), [plan.id, page]);
  const tasks = useAsync(load);
  const unfilled = plan.unfilledCount ?? 0;

  const columns: TableColumnsType<TaskView> = [
    { title: '序号', dataIndex: 'ordinal', width: 60 },
    {
      title: '检查对象',
      key: 'entity',
      render: (_, t) => (
        <Flex vertical gap={2}>
          <Typography.Link
            href={taskUrl(t)}
            onClick={(e) => {
              e.preventDefault();
              navigate(taskUrl(t));
            }}
            data-testid="draw-target-name"
          >
            {t.entityName || t.uscc}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t.uscc}
          </Typography.Text>
          {compact && <span data-testid="draw-target-team">检查组:{teamText(t.team)}</span>}
        </Flex>
      ),
    },
    ...(compact
      ? []
      : [
          {
            title: '检查组',
            key: 'team',
            render: (_: unknown, t: TaskView) => <span data-testid="draw-target-team">{teamText(t.team)}</span>,
          },
        ]),
    {
      title: '状态',
      dataIndex: 'state',
      width: 110,
      render: (s: TaskState) => <Tag color={TASK_STATE_COLORS[s]}>{TASK_STATE_LABELS[s]}</Tag>,
    },
  ];

  return (
    <Card size="small" title="抽取结果" style={{ marginTop: 16 }} data-testid="plan-draw-result">
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          href={`/draws/${encodeURIComponent(plan.id)}`}
          target="_blank"
          rel="noopener"
          data-testid="plan-portal-link"
        >
          在门户核验抽取结果
        </Button>
        <Button icon={<DownloadOutlined />} href={drawBundleUrl(plan.id)} download={`draw-${plan.id}.json`} data-testid="plan-bundle-link">
          下载核验文件(JSON)
        </Button>
      </Flex>
      <Typography.Paragraph data-testid="draw-result-summary">
        共抽中 {plan.targetCount ?? 0} 个检查对象,每个对象一个检查组,每组 {plan.teamSize} 人。
        {plan.recusalCount !== null && `因利害关系回避 ${plan.recusalCount} 人次${unfilled > 0 ? `,${unfilled} 个席位无人可补` : ''}。`}
      </Typography.Paragraph>
      {unfilled > 0 && (
        <Alert type="warning" showIcon title="部分检查组人数不足:可用的执法检查人员回避或已达任务上限。" style={{ marginBottom: 12 }} />
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        核验文件包含全部输入和结果;任何人都可以在门户网站的抽取结果页重新抽取核对,或用命令 sanxiang draw verify 核验。
      </Typography.Paragraph>
      {tasks.error && tasks.error.status !== 401 && <Alert type="error" showIcon title={tasks.error.message} />}
      <Table<TaskView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={tasks.data?.items ?? []}
        loading={tasks.loading}
        scroll={compact ? undefined : { x: 700 }}
        data-testid="plan-targets"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: tasks.data?.total ?? 0,
          hideOnSinglePage: true,
          showTotal: (total) => `共 ${total} 个`,
          onChange: setPage,
        }}
      />
    </Card>
  );
}
