import { Alert, Card, Descriptions, type DescriptionsProps, Empty, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { IssuedDocument } from '../../api/caseDocuments';
import type { BenchmarkChoice, CaseData, Penalty, Service } from '../../api/cases';
import { yuan } from './caseLabels';
import { rangeText, serviceText } from './caseText';
import { PreservationsCard, StatementsCard } from './ProcedureCards';

type Items = NonNullable<DescriptionsProps['items']>;

const item = (label: string, children: ReactNode): Items[number] => ({ key: label, label, children });

function penaltyItems(p: Penalty): Items {
  return [
    item('处罚种类', p.types.join('、')),
    item('罚款', yuan(p.fineYuan)),
    ...(p.basisQuantity !== null ? [item('计算基数', p.basisQuantity)] : []),
    ...(p.description ? [item('处罚内容', p.description)] : []),
  ];
}

function benchmarkItems(b: BenchmarkChoice): Items {
  return [
    item('裁量基准', `${b.code} 第 ${b.tierNo} 阶次(${b.tierLevel})`),
    item('本案幅度', rangeText(b.rangeYuan)),
    item('是否在幅度内', b.withinTier ? <Tag color="green">在幅度内</Tag> : <Tag color="red">偏离裁量基准</Tag>),
    ...(b.withinTier ? [] : [item('偏离理由', b.departureReason)]),
  ];
}

const COLUMNS = { xs: 1, sm: 1, md: 2 } as const;

function Section({ title, items, testId }: { title: string; items: Items; testId?: string }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid={testId}>
      <Descriptions size="small" column={COLUMNS} items={items} />
    </Card>
  );
}

/**
 * 告知与决定, in the order of the procedure: 先行登记保存, the notice (penalty, tier, the hearing right),
 * 陈述申辩 and their 复核, the hearing, the decision — and the review verdict above them all.
 */
export function DecisionSection({ data, documents = [] }: { data: CaseData; documents?: readonly IssuedDocument[] }) {
  const { notice, hearing, decision, review } = data;
  const served = (s: Service | null) => (s ? serviceText(s, documents.find((d) => d.id === s.documentId)?.title) : '未送达');
  const preservations = data.preservations ?? [];
  const statements = data.statements ?? [];
  return (
    <div data-testid="case-decision">
      {review.required && (
        <Alert
          type="warning"
          showIcon
          title="本案须经法制审核"
          description={review.reasons.join(';')}
          style={{ marginBottom: 12 }}
          data-testid="case-review-reasons"
        />
      )}
      {!notice && !decision && preservations.length === 0 && <Empty description="尚未拟定事先告知或作出决定" />}
      {preservations.length > 0 && <PreservationsCard preservations={preservations} deadlines={data.deadlines} />}
      {notice && (
        <Section
          title="行政处罚事先告知"
          testId="case-notice"
          items={[
            item('拟定日期', notice.notifiedOn),
            item('送达', served(notice.service)),
            item(
              '听证权利',
              notice.hearingOffered === false ? '不属于听证范围(当事人可以陈述、申辩)' : notice.hearingOffered ? '已告知有权要求听证' : '—',
            ),
            ...(notice.rightsWaived ? [item('权利放弃', '当事人书面放弃陈述申辩和听证')] : []),
            ...penaltyItems(notice.penalty),
            ...benchmarkItems(notice.benchmark),
          ]}
        />
      )}
      {statements.length > 0 && <StatementsCard statements={statements} />}
      {hearing && (
        <Section
          title="听证"
          items={[
            item('申请日期', hearing.requestedOn),
            item('通知送达', hearing.noticeOn ?? '—'),
            item('举行日期', hearing.heldOn ?? '未举行'),
          ]}
        />
      )}
      {decision && (
        <Section
          title="行政处罚决定"
          items={[
            item('决定日期', decision.decidedOn),
            item('集体讨论', decision.collective ? '是' : '否'),
            item('送达', served(decision.service)),
            ...penaltyItems(decision.penalty),
            ...(decision.benchmark ? benchmarkItems(decision.benchmark) : []),
          ]}
        />
      )}
    </div>
  );
}
