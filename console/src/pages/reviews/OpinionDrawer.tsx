import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Drawer, Flex, Form, Grid, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { concludeReview, errorDetails, type ReviewView } from '../../api/reviews';
import { emptyOpinion, type OpinionValues, opinionHints, problemsFromChecklist, toOpinionInput, unsendable } from './opinionForm';
import { CHECK_RESULT_LABELS, CHECK_RESULTS, CHECKLIST, CONCLUSION_LABELS, CONCLUSIONS } from './reviewLabels';

const RESULT_OPTIONS = CHECK_RESULTS.map((r) => ({ value: r, label: CHECK_RESULT_LABELS[r] }));
const CONCLUSION_OPTIONS = CONCLUSIONS.map((c) => ({ value: c, label: CONCLUSION_LABELS[c] }));
const ITEM_OPTIONS = CHECKLIST.map((c) => ({ value: c.key, label: c.label }));

export interface OpinionDrawerProps {
  review: ReviewView;
  open: boolean;
  onClose: () => void;
  onDone: (updated: ReviewView) => void;
}

/**
 * 出具审核意见: the plan's ten items each 符合 / 存在问题 / 不适用 with a note, the conclusion, the problems
 * the unit must answer (numbered in this order), other remarks. Hints help; the server judges, and its
 * reasons are listed as it gives them.
 */
export function OpinionDrawer({ review, open, onClose, onDone }: OpinionDrawerProps) {
  const compact = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<OpinionValues>();
  const values = Form.useWatch([], form) as OpinionValues | undefined;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);
  const hints = opinionHints(values);

  const submit = async () => {
    const all = form.getFieldsValue(true) as OpinionValues;
    const blocked = unsendable(all);
    if (blocked.length > 0) {
      setError({ message: '审核意见不完整', details: blocked });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await concludeReview(review.id, toOpinionInput(all)));
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) {
        setError({ message: err instanceof Error ? err.message : '提交失败,请稍后重试', details: errorDetails(err) });
      }
    } finally {
      setBusy(false);
    }
  };

  const passRest = () => {
    const current = form.getFieldValue('checklist') as OpinionValues['checklist'];
    for (const c of CHECKLIST) if (!current[c.key]?.result) form.setFieldValue(['checklist', c.key, 'result'], 'pass');
  };
  const drawProblems = () => {
    const all = form.getFieldsValue(true) as OpinionValues;
    form.setFieldValue('problems', [...(all.problems ?? []), ...problemsFromChecklist(all)]);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={`出具审核意见 · ${review.caseNo} 第 ${review.roundNo} 轮`}
      size={compact ? '100%' : 820}
      destroyOnHidden
      footer={
        <Flex vertical gap={8}>
          {error && (
            <Alert
              type="error"
              showIcon
              title={error.message}
              description={
                error.details.length > 0 ? (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {error.details.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                ) : undefined
              }
              data-testid="review-opinion-error"
            />
          )}
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="review-opinion-submit">
              出具意见书
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Form<OpinionValues> form={form} layout="vertical" initialValues={emptyOpinion()} name="reviewOpinion">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text strong>审核事项</Typography.Text>
          <Button size="small" onClick={passRest} data-testid="review-opinion-pass-rest">
            未选择的事项设为「符合」
          </Button>
        </Flex>
        {CHECKLIST.map((item, i) => (
          <div key={item.key} data-testid={`review-check-${item.key}`} style={{ marginTop: 12 }}>
            <Flex wrap gap={12} align="center">
              <Typography.Text style={{ minWidth: 230 }}>
                {i + 1}. {item.label}
              </Typography.Text>
              <Form.Item name={['checklist', item.key, 'result']} noStyle>
                <Radio.Group options={RESULT_OPTIONS} optionType="button" size="small" />
              </Form.Item>
            </Flex>
            <Form.Item name={['checklist', item.key, 'note']} style={{ margin: '6px 0 0' }}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} placeholder="审核意见(存在问题的须写明)" />
            </Form.Item>
          </div>
        ))}
        <Divider />
        <Form.Item label="审核结论" name="conclusion">
          <Radio.Group options={CONCLUSION_OPTIONS} data-testid="review-conclusion" />
        </Form.Item>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
          <Typography.Text strong>存在的问题(承办机构逐项说明)</Typography.Text>
          <Button size="small" onClick={drawProblems} data-testid="review-problems-from-checklist">
            按「存在问题」的事项列出
          </Button>
        </Flex>
        <Form.List name="problems">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, n) => (
                <Flex key={field.key} gap={8} align="start" data-testid={`review-problem-row-${n + 1}`}>
                  <Typography.Text style={{ paddingTop: 4, minWidth: 48 }}>问题 {n + 1}</Typography.Text>
                  <Form.Item name={[field.name, 'key']} style={{ margin: 0, width: 200 }}>
                    <Select options={ITEM_OPTIONS} placeholder="审核事项" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'text']} style={{ margin: 0, flex: 1 }}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} placeholder="问题及整改要求" />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除问题" />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ text: '' })} data-testid="review-problem-add">
                添加问题
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item label="其他意见" name="note" style={{ marginTop: 16 }}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} data-testid="review-opinion-note" />
        </Form.Item>
        {hints.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title="请核对"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {hints.map((h) => (
                  <li key={h}>{h}</li>
                ))}
              </ul>
            }
            data-testid="review-opinion-hints"
          />
        )}
      </Form>
    </Drawer>
  );
}
