import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Grid, Result, Spin, Steps, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { cancelPlan, getPlan, type PlanView } from '../../api/inspections';
import { ReasonModal } from '../../components/ReasonModal';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { navigate, routes } from '../../router';
import { useCan } from '../../session/SessionContext';
import { AnnouncementCard } from './AnnouncementCard';
import { DrawForm } from './DrawForm';
import { DrawResultCard } from './DrawResultCard';
import { PLAN_STATE_COLORS } from './inspectionLabels';
import { PlanFormDrawer } from './PlanFormDrawer';
import { PlanPreviewCard } from './PlanPreviewCard';
import { PlanSummary } from './PlanSummary';

const STEP_OF = { draft: 0, announced: 1, drawn: 2, cancelled: 0 } as const;

function PlanSteps({ plan }: { plan: PlanView }) {
  const cancelled = plan.state === 'cancelled';
  return (
    <Steps
      size="small"
      current={cancelled ? (plan.announcedAt ? 1 : 0) : STEP_OF[plan.state]}
      status={cancelled ? 'error' : plan.state === 'drawn' ? 'finish' : 'process'}
      style={{ margin: '8px 0 16px' }}
      data-testid="plan-steps"
      items={[
        { title: '草稿', content: formatTime(plan.createdAt).slice(0, 10) },
        { title: '已公告', content: plan.announcedAt ? formatTime(plan.announcedAt).slice(0, 10) : `抽取日 ${plan.drawOn}` },
        { title: '已抽取', content: plan.drawnAt ? formatTime(plan.drawnAt).slice(0, 10) : undefined },
      ]}
    />
  );
}

/**
 * One plan through its life: a draft is edited and checked before 公告; an announced plan waits for its
 * sources and is drawn; a drawn plan shows its result and where to verify it. Cancelling needs a reason.
 */
export function PlanDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const can = useCan();
  const { message } = App.useApp();
  const compact = Grid.useBreakpoint().md === false;
  const load = useCallback(() => getPlan(id), [id]);
  const loaded = useAsync(load);
  const [fresh, setFresh] = useState<PlanView | null>(null);
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  // Each change (an edit) checks the preview again.
  const [revision, setRevision] = useState(0);
  const plan = fresh?.id === id ? fresh : loaded.data;

  const changed = (next: PlanView) => {
    setFresh(next);
    setRevision((r) => r + 1);
    onChanged();
  };
  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => navigate(routes.inspectionPlans)}>
      返回计划列表
    </Button>
  );

  if (loaded.error && !plan) {
    return (
      <Card>
        {back}
        <Result status="warning" title={loaded.error.message} />
      </Card>
    );
  }
  if (!plan) return <Spin style={{ display: 'block', margin: '48px auto' }} />;

  const mayCancel = (plan.state === 'draft' && can('inspection.plan')) || (plan.state === 'announced' && can('inspection.announce'));

  return (
    <Card data-testid="plan-detail">
      {back}
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="plan-title">
          {plan.title}
        </Typography.Title>
        <Flex wrap gap={8} align="center">
          <Tag color={PLAN_STATE_COLORS[plan.state]} data-testid="plan-state">
            {plan.stateLabel}
          </Tag>
          {plan.state === 'draft' && can('inspection.plan') && (
            <Button onClick={() => setEditing(true)} data-testid="plan-edit">
              修改
            </Button>
          )}
          {mayCancel && (
            <Button danger onClick={() => setCancelling(true)} data-testid="plan-cancel">
              取消计划
            </Button>
          )}
        </Flex>
      </Flex>
      <PlanSteps plan={plan} />
      {plan.state === 'cancelled' && (
        <Alert type="warning" showIcon title="本计划已取消,不再抽取;已公告的计划在门户网站保留取消记录。" style={{ marginBottom: 16 }} />
      )}
      <PlanSummary plan={plan} compact={compact} />
      {plan.state === 'draft' && <PlanPreviewCard key={`${plan.id}-${revision}`} plan={plan} onAnnounced={changed} />}
      {plan.announcement && <AnnouncementCard plan={plan} compact={compact} />}
      {plan.state === 'announced' && can('inspection.draw') && <DrawForm plan={plan} onDrawn={changed} />}
      {plan.state === 'announced' && !can('inspection.draw') && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 16 }}
          title={`等待抽取:抽取日期 ${plan.drawOn},由承办机构负责人或政策法规科录入随机源号码后抽取。`}
        />
      )}
      {plan.state === 'drawn' && <DrawResultCard plan={plan} />}
      <PlanFormDrawer
        target={editing ? plan : null}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          message.success('已保存');
          setEditing(false);
          changed(saved);
        }}
      />
      <ReasonModal
        open={cancelling}
        title="取消抽查计划"
        label="取消理由"
        hint={plan.state === 'announced' ? '已公告的计划取消后在门户网站保留取消记录和理由;如需重新抽取,须另行公告新计划。' : undefined}
        danger
        okText="取消计划"
        onCancel={() => setCancelling(false)}
        onSubmit={async (reason) => {
          const cancelled = await cancelPlan(plan.id, reason);
          setCancelling(false);
          message.success('计划已取消');
          changed(cancelled);
        }}
        testId="plan-cancel-reason"
      />
    </Card>
  );
}
