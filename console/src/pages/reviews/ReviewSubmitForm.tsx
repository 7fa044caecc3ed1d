import { Alert, Button, Checkbox, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CaseView } from '../../api/cases';
import { ApiError } from '../../api/client';
import type { Evidence } from '../../api/evidence';
import { errorDetails, type Problem, type ReviewView, resubmitReview, submitReview } from '../../api/reviews';
import { ProposalFields } from './ProposalFields';
import { ATTESTATION_TEXT, checklistLabel } from './reviewLabels';

interface SubmitValues {
  statement: string;
  reportEvidenceIds: string[];
  attested: boolean;
  answers?: Record<string, string>;
  proposalChanged?: boolean;
  proposalFine?: number;
  proposalTier?: number;
  proposalReason?: string;
}

export interface ReviewSubmitFormProps {
  caseId: string;
  /** The returned review to resubmit (with the problems to answer), or none for a first submission. */
  returned?: { review: ReviewView; problems: readonly Problem[] };
  evidence: readonly Evidence[];
  /** The notified penalty, which the unit may propose to change (lighter) for the decision. */
  notice?: CaseView['data']['notice'];
  onDone: (review: ReviewView) => void;
}

const evidenceOption = (e: Evidence) => ({
  value: e.id,
  label: `${e.filename}(${e.recordedAt.slice(0, 10)})`,
});

/**
 * 报送法制审核 / 重新报送: the 情况说明, other reports from the case's evidence, the unit's attestation
 * (the fixed sentence) and, for a resubmission, an answer to each problem. The server assembles the
 * rest of the package from the case; when something is missing its list is shown as sent.
 */
export function ReviewSubmitForm({ caseId, returned, evidence, notice, onDone }: ReviewSubmitFormProps) {
  const [form] = Form.useForm<SubmitValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);
  const last = returned?.review.rounds.at(-1)?.package;

  const submit = async (values: SubmitValues) => {
    setBusy(true);
    setError(null);
    const proposal =
      notice && values.proposalChanged
        ? {
            penalty: { ...notice.penalty, fineYuan: notice.penalty.fineYuan === null ? null : (values.proposalFine ?? null) },
            benchmark: {
              code: notice.benchmark.code,
              tierNo: values.proposalTier ?? notice.benchmark.tierNo,
              departureReason: values.proposalReason ?? '',
            },
          }
        : undefined;
    const input = {
      statement: values.statement ?? '',
      reportEvidenceIds: values.reportEvidenceIds ?? [],
      attested: values.attested === true,
      ...(proposal ? { proposal } : {}),
    };
    try {
      if (returned) {
        const answers = returned.problems.map((p) => ({ problemNo: p.no, answer: values.answers?.[String(p.no)] ?? '' }));
        onDone(await resubmitReview(returned.review.id, { ...input, answers }));
      } else {
        onDone(await submitReview(caseId, input));
      }
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) {
        setError({ message: err instanceof Error ? err.message : '报送失败,请稍后重试', details: errorDetails(err) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<SubmitValues>
      form={form}
      layout="vertical"
      name={returned ? 'reviewResubmit' : 'reviewSubmit'}
      initialValues={{
        statement: last?.statement ?? '',
        reportEvidenceIds: last?.reports.map((r) => r.evidenceId) ?? [],
        attested: false,
      }}
      onFinish={(values) => void submit(values)}
      data-testid={returned ? 'review-resubmit-form' : 'review-submit-form'}
    >
      {returned && returned.problems.length > 0 && (
        <>
          <Typography.Text strong>逐项说明整改情况</Typography.Text>
          {returned.problems.map((p) => (
            <Form.Item
              key={p.no}
              name={['answers', String(p.no)]}
              style={{ marginTop: 8 }}
              label={
                <span>
                  问题 {p.no} <Tag>{checklistLabel(p.key)}</Tag>
                  {p.text}
                </span>
              }
              rules={[{ required: true, whitespace: true, message: `请说明对问题 ${p.no} 的整改情况` }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} data-testid={`review-answer-${p.no}`} />
            </Form.Item>
          ))}
        </>
      )}
      <Form.Item
        label="情况说明"
        name="statement"
        tooltip="违法事实、证据、适用法律、裁量基准适用情况、执法人员资格等;其余材料由平台从案件中生成"
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} maxLength={8000} showCount data-testid="review-statement-input" />
      </Form.Item>
      <Form.Item label="其他报告(评估、鉴定报告等,选自本案证据)" name="reportEvidenceIds">
        <Select mode="multiple" allowClear options={evidence.map(evidenceOption)} placeholder="可不选" data-testid="review-reports" />
      </Form.Item>
      {notice && <ProposalFields notice={notice} />}
      <Form.Item name="attested" valuePropName="checked">
        <Checkbox data-testid="review-attest">{ATTESTATION_TEXT}</Checkbox>
      </Form.Item>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error.message}
          description={
            error.details.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="review-submit-missing">
                {error.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : undefined
          }
          style={{ marginBottom: 12 }}
          data-testid="review-submit-error"
        />
      )}
      <Flex justify="end">
        <Button type="primary" htmlType="submit" loading={busy} data-testid={returned ? 'review-resubmit' : 'review-submit'}>
          {returned ? '重新报送' : '报送法制审核'}
        </Button>
      </Flex>
    </Form>
  );
}
