import { Alert, App, Button, Descriptions, Divider, Drawer, Flex, Grid, Popconfirm, Spin, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { getTask, publishResult, type TaskView } from '../../api/inspections';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { navigate, routes } from '../../router';
import { useCan } from '../../session/SessionContext';
import { DeadlineTag } from '../cases/DeadlineTag';
import { InspectForm } from './InspectForm';
import { TASK_STATE_COLORS, teamText } from './inspectionLabels';
import { OpenCaseModal } from './OpenCaseModal';
import { caseUrl, InspectionCaseStatus, StartInspection } from './TaskInspectionCase';

const planUrl = (id: string) => `${routes.inspectionPlans}?id=${encodeURIComponent(id)}`;

function TaskFacts({ task, today }: { task: TaskView; today: string }) {
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      styles={{ label: { width: 110 } }}
      items={[
        {
          key: 'entity',
          label: '检查对象',
          children: (
            <span data-testid="task-entity">
              {task.entityName}({task.uscc})
            </span>
          ),
        },
        {
          key: 'plan',
          label: '抽查计划',
          children: (
            <Typography.Link
              href={planUrl(task.planId)}
              onClick={(e) => {
                e.preventDefault();
                navigate(planUrl(task.planId));
              }}
            >
              {task.planTitle}(第 {task.ordinal} 号)
            </Typography.Link>
          ),
        },
        { key: 'items', label: '抽查事项', children: task.items.map((i) => `${i.code} ${i.name}`).join(';') },
        { key: 'team', label: '检查组', children: <span data-testid="task-team">{teamText(task.team)}</span> },
        {
          key: 'state',
          label: '状态',
          children: (
            <Flex wrap gap={4}>
              <Tag color={TASK_STATE_COLORS[task.state]} data-testid="task-state">
                {task.stateLabel}
              </Tag>
              {task.overdue && <Tag color="error">逾期未公示</Tag>}
            </Flex>
          ),
        },
        ...(task.inspectedTo
          ? [
              { key: 'dates', label: '检查日期', children: `${task.inspectedFrom ?? ''} 至 ${task.inspectedTo}` },
              { key: 'result', label: '检查结果', children: task.result ?? '—' },
              { key: 'findings', label: '检查情况', children: <span style={{ whiteSpace: 'pre-wrap' }}>{task.findings || '—'}</span> },
            ]
          : []),
        ...(task.state === 'inspected'
          ? [{ key: 'due', label: '公示期限', children: <DeadlineTag due={task.publishDue} today={today} /> }]
          : []),
        ...(task.publishedAt ? [{ key: 'published', label: '公示时间', children: formatTime(task.publishedAt) }] : []),
        ...(task.caseId
          ? [
              {
                key: 'case',
                label: '立案查处',
                children: (
                  <Typography.Link href={caseUrl(task.caseId)} target="_blank" rel="noopener" data-testid="task-case-link">
                    查看行政处罚案件
                  </Typography.Link>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

export interface TaskDrawerProps {
  taskId: string | null;
  today: string;
  onClose: () => void;
  onChanged: () => void;
}

/** One task: the facts, the inspection record (team members or the unit head), 公示 (unit head), 立案查处. */
export function TaskDrawer({ taskId, today, onClose, onChanged }: TaskDrawerProps) {
  const can = useCan();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const compact = Grid.useBreakpoint().md === false;
  const load = useCallback(() => (taskId ? getTask(taskId) : Promise.resolve(null)), [taskId]);
  const loaded = useAsync(load);
  const [fresh, setFresh] = useState<TaskView | null>(null);
  const [opening, setOpening] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const task = fresh?.id === taskId ? fresh : loaded.data;

  const changed = (next: TaskView) => {
    setFresh(next);
    onChanged();
  };
  const publish = async () => {
    if (!task) return;
    setPublishing(true);
    try {
      changed(await publishResult(task.id));
      message.success('检查结果已公示');
    } catch (error) {
      showError(error);
    } finally {
      setPublishing(false);
    }
  };

  const open = task !== null && task !== undefined && task.id === taskId;
  const recordable = open && task.state !== 'published' && can('inspection.inspect');

  return (
    <Drawer
      open={taskId !== null}
      title={open ? `检查任务 · ${task.entityName}` : '检查任务'}
      size={compact ? '100%' : 640}
      onClose={onClose}
      destroyOnHidden
      data-testid="task-drawer"
    >
      {loaded.error && loaded.error.status !== 401 && <Alert type="error" showIcon title={loaded.error.message} />}
      {!open ? (
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      ) : (
        <>
          <TaskFacts task={task} today={today} />
          <Flex wrap gap={8} style={{ marginTop: 12 }}>
            {task.state === 'inspected' && can('inspection.publish') && (
              <Popconfirm
                title="公示后检查结果在门户网站公开,不能再修改。确定公示?"
                okText="公示"
                onConfirm={() => void publish()}
                okButtonProps={{ 'data-testid': 'task-publish-confirm' }}
              >
                <Button type="primary" loading={publishing} data-testid="task-publish">
                  公示检查结果
                </Button>
              </Popconfirm>
            )}
            {recordable && task.caseId === null && (
              <Button danger onClick={() => setOpening(true)} data-testid="task-open-case">
                立案查处
              </Button>
            )}
          </Flex>
          {recordable && (
            <>
              <Divider titlePlacement="start">
                {task.inspectionCaseId === null ? '开始检查' : task.state === 'assigned' ? '录入检查结果' : '更正检查结果(公示前)'}
              </Divider>
              {task.inspectionCaseId === null ? (
                <StartInspection
                  task={task}
                  onStarted={(started) => {
                    message.success('已登记行政检查案件');
                    changed(started);
                  }}
                />
              ) : (
                <InspectionCaseStatus caseId={task.inspectionCaseId}>
                  <InspectForm
                    key={`${task.id}-${task.state}-${task.caseId ?? ''}`}
                    task={task}
                    onSaved={(saved) => {
                      message.success('检查结果已保存');
                      changed(saved);
                    }}
                  />
                </InspectionCaseStatus>
              )}
            </>
          )}
          {!recordable && task.inspectionCaseId !== null && (
            <Typography.Paragraph style={{ marginTop: 12 }}>
              行政检查案件:
              <Typography.Link href={caseUrl(task.inspectionCaseId)} target="_blank" rel="noopener">
                查看
              </Typography.Link>
            </Typography.Paragraph>
          )}
          <OpenCaseModal
            task={opening ? task : null}
            onClose={() => setOpening(false)}
            onOpened={(caseId) => {
              setOpening(false);
              message.success('已登记案件');
              changed({ ...task, caseId });
            }}
          />
        </>
      )}
    </Drawer>
  );
}
