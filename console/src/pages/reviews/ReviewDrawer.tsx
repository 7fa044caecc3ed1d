import { Alert, App, Badge, Divider, Drawer, Grid, Segmented, Skeleton, Tabs } from 'antd';
import { useCallback, useState } from 'react';
import { getReview, type ReviewView } from '../../api/reviews';
import { beijingToday } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { useMe } from '../../session/SessionContext';
import { useCaseDocuments } from '../cases/documents/useCaseDocuments';
import { useOfficerDirectory } from '../cases/useOfficerDirectory';
import { ChangesView } from './ChangesView';
import { ConsultationsSection } from './ConsultationsSection';
import { PackageView } from './PackageView';
import { ReviewActions } from './ReviewActions';
import { ReviewCaseRecord } from './ReviewCaseRecord';
import { ReviewHeader } from './ReviewHeader';
import { ReviewHistory } from './ReviewHistory';
import { RoundsHistory } from './RoundsHistory';
import { SettlementView } from './SettlementView';

function ReviewWorkspace({ review, onUpdated }: { review: ReviewView; onUpdated: (updated: ReviewView, what: string) => void }) {
  const me = useMe();
  const documents = useCaseDocuments(review.caseId);
  const directory = useOfficerDirectory();
  const [shownRound, setShownRound] = useState<number | null>(null);
  const current = review.rounds.at(-1);
  const round = review.rounds.find((r) => r.roundNo === shownRound) ?? current;
  const canConsult = review.reviewerId === me.user.id && review.state === 'in_review';
  const who = (userId: string | null) =>
    userId === null ? '—' : (directory.userName(userId) ?? (userId === review.reviewerId ? review.reviewerName : null) ?? '审核人员');

  const updated = (next: ReviewView, what: string) => {
    documents.reload(); // an opinion issues its document into the case
    onUpdated(next, what);
  };

  return (
    <>
      <ReviewHeader review={review} today={beijingToday()} />
      <Divider titlePlacement="start" style={{ margin: '12px 0' }}>
        办理
      </Divider>
      <ReviewActions review={review} onUpdated={updated} />
      <Tabs
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'package',
            label: <span data-testid="review-tab-package">送审材料</span>,
            children: (
              <>
                {shownRound === null && <ChangesView review={review} />}
                {review.rounds.length > 1 && (
                  <Segmented
                    style={{ marginBottom: 12 }}
                    value={round?.roundNo}
                    onChange={(n) => setShownRound(n === current?.roundNo ? null : n)}
                    options={review.rounds.map((r) => ({ value: r.roundNo, label: `第 ${r.roundNo} 轮` }))}
                  />
                )}
                {round ? <PackageView round={round} /> : <Alert type="info" title="尚无送审材料" />}
              </>
            ),
          },
          ...(round
            ? [
                {
                  key: 'record',
                  label: <span data-testid="review-tab-record">预审与案件记录</span>,
                  children: <ReviewCaseRecord caseId={review.caseId} round={round} documents={documents.items} />,
                },
              ]
            : []),
          {
            key: 'rounds',
            label: <span data-testid="review-tab-rounds">审核轮次与意见</span>,
            children: <RoundsHistory rounds={review.rounds} documents={documents.items} who={who} />,
          },
          {
            key: 'consultations',
            label: (
              <Badge count={review.consultations.filter((c) => c.reply === null).length} size="small" offset={[6, -2]}>
                <span data-testid="review-tab-consultations">法律顾问咨询</span>
              </Badge>
            ),
            children: <ConsultationsSection review={review} canConsult={canConsult} onUpdated={updated} />,
          },
          { key: 'history', label: <span data-testid="review-tab-history">办理记录</span>, children: <ReviewHistory review={review} /> },
          ...(review.settlement || review.state === 'escalated'
            ? [{ key: 'settlement', label: '集体讨论', children: <SettlementView review={review} /> }]
            : []),
        ]}
      />
    </>
  );
}

/** Keyed by id, so switching reviews never shows the previous one's data. */
function ReviewDrawerBody({ reviewId, onChanged }: { reviewId: string; onChanged: () => void }) {
  const { message } = App.useApp();
  const load = useCallback(() => getReview(reviewId), [reviewId]);
  const loaded = useAsync(load);
  const [latest, setLatest] = useState<ReviewView | null>(null);
  const review = latest ?? loaded.data;

  if (loaded.error) return loaded.error.status === 401 ? null : <Alert type="error" showIcon title={loaded.error.message} />;
  if (!review) return <Skeleton active />;
  return (
    <ReviewWorkspace
      review={review}
      onUpdated={(updated, what) => {
        setLatest(updated);
        message.success(`已办理:${what}`);
        onChanged();
      }}
    />
  );
}

export interface ReviewDrawerProps {
  reviewId: string | null;
  onClose: () => void;
  /** The review changed: the list refreshes. */
  onChanged: () => void;
}

export function ReviewDrawer({ reviewId, onClose, onChanged }: ReviewDrawerProps) {
  const compact = Grid.useBreakpoint().md === false;
  return (
    <Drawer open={reviewId !== null} onClose={onClose} title="法制审核" size={compact ? '100%' : 1100} destroyOnHidden>
      {reviewId && <ReviewDrawerBody key={reviewId} reviewId={reviewId} onChanged={onChanged} />}
    </Drawer>
  );
}
