import { ExportOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { IssuedDocument } from '../../api/caseDocuments';
import type { CaseView } from '../../api/cases';
import type { Evidence } from '../../api/evidence';
import { escalateReview, getReviewOfCase, type ReviewView } from '../../api/reviews';
import { ReasonModal } from '../../components/ReasonModal';
import { beijingToday } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { routes } from '../../router';
import { useCan } from '../../session/SessionContext';
import { ReviewSubmitForm } from './ReviewSubmitForm';
import { ProblemsList, RoundsHistory } from './RoundsHistory';
import { ReviewDueTag } from './reviewColumns';
import { proposalText, reviewStateColor, SUBMITTABLE_STAGES } from './reviewLabels';

export interface CaseReviewSectionProps {
  view: CaseView;
  documents: readonly IssuedDocument[];
  evidence: readonly Evidence[];
  /** The review changed the case (its review state, an opinion document): the drawer reloads both. */
  onChanged: (what: string) => void;
}

function Determination({ view }: { view: CaseView }) {
  const r = view.data.review;
  if (!r.required) {
    return (
      <Alert
        type="info"
        showIcon
        title="本案目前未被认定为重大执法决定"
        description="拟定事先告知和作出决定时,平台按现行法制审核目录重新认定;承办机构负责人也可在调查终结时认定。"
      />
    );
  }
  return (
    <Card size="small" title="本案属于重大执法决定,作出决定前须经法制审核同意" data-testid="case-review-determination">
      <Flex vertical gap={4}>
        {r.reasons.map((reason) => (
          <Typography.Text key={reason}>{reason}</Typography.Text>
        ))}
      </Flex>
    </Card>
  );
}

function Status({ review }: { review: ReviewView }) {
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, md: 3 }}
      items={[
        {
          key: 'state',
          label: '审核状态',
          children: (
            <Tag color={reviewStateColor(review.state)} data-testid="case-review-state">
              {review.stateLabel}
            </Tag>
          ),
        },
        { key: 'round', label: '轮次', children: `第 ${review.roundNo} 轮` },
        { key: 'reviewer', label: '审核人员', children: review.reviewerName ?? '待承办' },
        { key: 'due', label: '审核期限', children: <ReviewDueTag review={review} today={beijingToday()} /> },
      ]}
    />
  );
}

/**
 * 法制审核 on the case page (the handling unit's view): whether the case is major and why, where its
 * review stands, the submission form, the returned opinion with an answer per problem, escalation.
 */
export function CaseReviewSection({ view, documents, evidence, onChanged }: CaseReviewSectionProps) {
  const can = useCan();
  const load = useCallback(() => getReviewOfCase(view.id), [view.id]);
  const loaded = useAsync(load);
  const [latest, setLatest] = useState<ReviewView | null>(null);
  const [escalating, setEscalating] = useState(false);
  const review = latest ?? loaded.data ?? null;
  const cleared = view.data.review.cleared;

  const changed = (next: ReviewView, what: string) => {
    setLatest(next);
    onChanged(what);
  };

  if (loaded.error && loaded.error.status !== 401) return <Alert type="error" showIcon title={loaded.error.message} />;
  if (loaded.loading && !review) return <Skeleton active />;

  const lastOpinion = review?.rounds.at(-1)?.opinion ?? null;
  const canSubmit = can('review.submit') && SUBMITTABLE_STAGES.includes(view.stage);

  return (
    <Flex vertical gap={12} data-testid="case-review">
      <Determination view={view} />
      {review === null && view.data.review.required && !canSubmit && (
        <Alert type="info" showIcon title="尚未报送法制审核" description="拟定事先告知后、作出决定前,由承办机构报送法制审核。" />
      )}
      {review === null && view.data.review.required && canSubmit && (
        <Card size="small" title="报送法制审核">
          <ReviewSubmitForm caseId={view.id} evidence={evidence} notice={view.data.notice} onDone={(r) => changed(r, '报送法制审核')} />
        </Card>
      )}
      {review && (
        <Card
          size="small"
          title="法制审核"
          extra={
            <Button
              size="small"
              icon={<ExportOutlined />}
              href={`${routes.reviews}?id=${encodeURIComponent(review.id)}`}
              target="_blank"
              rel="noopener"
            >
              审核详情
            </Button>
          }
        >
          <Status review={review} />
          {review.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon title={w} style={{ marginTop: 8 }} />
          ))}
          {cleared && (
            <Alert
              type="success"
              showIcon
              style={{ marginTop: 8 }}
              title={`法制审核${cleared.by === 'collective' ? '经集体讨论决定' : '已同意'}(第 ${cleared.round} 轮,${cleared.on}):${proposalText(cleared.proposal)}`}
              description="作出的决定须与同意的内容(处罚种类、罚款数额、裁量阶次)一致,否则须重新报送。"
              data-testid="case-review-cleared"
            />
          )}
        </Card>
      )}
      {review && (review.state === 'agreed' || review.state === 'settled') && canSubmit && (
        <Collapse
          size="small"
          items={[
            {
              key: 'again',
              label: '拟作出的决定有变化?重新报送法制审核',
              children: (
                <>
                  <Typography.Paragraph type="secondary">
                    审核同意的是上面的处罚;决定内容有变化(如采纳陈述申辩后减轻)时须重新报送,重新审核同意前不能作出决定。
                  </Typography.Paragraph>
                  <ReviewSubmitForm
                    caseId={view.id}
                    returned={{ review, problems: [] }}
                    evidence={evidence}
                    notice={view.data.notice}
                    onDone={(r) => changed(r, '重新报送法制审核')}
                  />
                </>
              ),
            },
          ]}
          data-testid="case-review-again"
        />
      )}
      {review?.state === 'returned' && lastOpinion && (
        <Card size="small" title={`第 ${review.roundNo} 轮审核意见:存在问题,已退回`} data-testid="case-review-returned">
          {!can('review.submit') && <ProblemsList problems={lastOpinion.problems} />}
          {lastOpinion.note && <Typography.Paragraph style={{ marginTop: 8 }}>其他意见:{lastOpinion.note}</Typography.Paragraph>}
          {can('review.submit') && (
            <div style={{ marginTop: 12 }}>
              <ReviewSubmitForm
                caseId={view.id}
                returned={{ review, problems: lastOpinion.problems }}
                evidence={evidence}
                notice={view.data.notice}
                onDone={(r) => changed(r, '重新报送法制审核')}
              />
            </div>
          )}
          {can('review.escalate') && (
            <Flex justify="end" align="center" gap={8} style={{ marginTop: 8 }}>
              <Typography.Text type="secondary">不同意审核意见的,可提请集体讨论</Typography.Text>
              <Button icon={<TeamOutlined />} onClick={() => setEscalating(true)} data-testid="review-escalate">
                提请集体讨论
              </Button>
            </Flex>
          )}
        </Card>
      )}
      {review && review.rounds.some((r) => r.opinion) && (
        <Collapse
          size="small"
          items={[
            {
              key: 'rounds',
              label: '审核记录(各轮审核意见书)',
              children: <RoundsHistory rounds={review.rounds} documents={documents} who={() => review.reviewerName ?? '审核人员'} />,
            },
          ]}
        />
      )}
      {review && (
        <ReasonModal
          open={escalating}
          title={`提请集体讨论 · ${view.caseNo}`}
          label="不同意审核意见的理由"
          okText="提请"
          onCancel={() => setEscalating(false)}
          onSubmit={async (reason) => {
            const next = await escalateReview(review.id, reason);
            setEscalating(false);
            changed(next, '提请集体讨论');
          }}
          testId="review-escalate"
        />
      )}
    </Flex>
  );
}
