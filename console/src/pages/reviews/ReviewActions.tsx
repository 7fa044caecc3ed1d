import { AuditOutlined, ClockCircleOutlined, ExportOutlined, FormOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { extendReview, type ReviewView, takeReview } from '../../api/reviews';
import { ReasonModal } from '../../components/ReasonModal';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { routes } from '../../router';
import { useCan, useMe } from '../../session/SessionContext';
import { OpinionDrawer } from './OpinionDrawer';
import { OPEN_STATES } from './reviewLabels';
import { SettleDrawer } from './SettleDrawer';

export interface ReviewActionsProps {
  review: ReviewView;
  onUpdated: (updated: ReviewView, what: string) => void;
}

/** What this person may do with the review now: the server checks every one again (and says why not). */
export function ReviewActions({ review, onUpdated }: ReviewActionsProps) {
  const me = useMe();
  const can = useCan();
  const showError = useErrorMessage();
  const [taking, setTaking] = useState(false);
  const [panel, setPanel] = useState<'opinion' | 'extend' | 'settle' | null>(null);

  const mine = review.reviewerId === me.user.id && review.state === 'in_review';
  const canTake = can('review.conduct') && review.state === 'submitted';
  const canExtend = can('review.extend') && OPEN_STATES.includes(review.state) && !review.extended && review.dueOn !== null;
  const canSettle = can('review.settle') && review.state === 'escalated';
  const unitTurn = can('review.submit') && review.state === 'returned';

  const take = async () => {
    setTaking(true);
    try {
      onUpdated(await takeReview(review.id), '承办');
    } catch (error) {
      showError(error);
    } finally {
      setTaking(false);
    }
  };
  const done = (what: string) => (updated: ReviewView) => {
    setPanel(null);
    onUpdated(updated, what);
  };

  return (
    <Flex wrap gap={8} align="center" data-testid="review-actions">
      {canTake && (
        <Button type="primary" icon={<AuditOutlined />} loading={taking} onClick={() => void take()} data-testid="review-take">
          承办
        </Button>
      )}
      {mine && (
        <Button type="primary" icon={<FormOutlined />} onClick={() => setPanel('opinion')} data-testid="review-opinion-open">
          出具审核意见
        </Button>
      )}
      {canExtend && (
        <Button icon={<ClockCircleOutlined />} onClick={() => setPanel('extend')} data-testid="review-extend">
          延长期限
        </Button>
      )}
      {canSettle && (
        <Button type="primary" icon={<TeamOutlined />} onClick={() => setPanel('settle')} data-testid="review-settle">
          记录集体讨论
        </Button>
      )}
      <Button icon={<ExportOutlined />} href={`${routes.cases}?id=${encodeURIComponent(review.caseId)}`} target="_blank" rel="noopener">
        打开案件
      </Button>
      {unitTurn && <Typography.Text type="secondary">已退回:请在案件的「法制审核」中逐项说明并重新报送</Typography.Text>}
      {mine && <OpinionDrawer review={review} open={panel === 'opinion'} onClose={() => setPanel(null)} onDone={done('出具审核意见')} />}
      <ReasonModal
        open={panel === 'extend'}
        title={`延长审核期限 · ${review.caseNo}`}
        label="延长理由"
        hint="经局领导批准,审核期限可延长一次(默认 3 个工作日)"
        okText="批准延长"
        onCancel={() => setPanel(null)}
        onSubmit={async (reason) => done('延长审核期限')(await extendReview(review.id, reason))}
        testId="review-extend"
      />
      {canSettle && <SettleDrawer review={review} open={panel === 'settle'} onClose={() => setPanel(null)} onDone={done('记录集体讨论')} />}
    </Flex>
  );
}
