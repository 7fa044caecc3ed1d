import { Button, Card, Empty, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { type Consultation, consultAdviser, type ReviewView, recordAdviserReply } from '../../api/reviews';
import { formatTime } from '../../format';
import { useErrorMessage } from '../../hooks/useErrorMessage';

const pre = { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } as const;

type Asking = { kind: 'ask' } | { kind: 'reply'; consultation: Consultation };

export interface ConsultationsSectionProps {
  review: ReviewView;
  /** The reviewer handling the review, while it is open: may ask and record replies. */
  canConsult: boolean;
  onUpdated: (updated: ReviewView, what: string) => void;
}

/** 法律顾问 consultations: asked by the reviewer, the adviser's reply recorded by the reviewer. */
export function ConsultationsSection({ review, canConsult, onUpdated }: ConsultationsSectionProps) {
  const showError = useErrorMessage();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ adviser: string; question: string; reply: string }>();

  const submit = async (values: { adviser?: string; question?: string; reply?: string }) => {
    if (!asking) return;
    setBusy(true);
    try {
      if (asking.kind === 'ask') {
        onUpdated(await consultAdviser(review.id, { adviser: values.adviser ?? '', question: values.question ?? '' }), '咨询法律顾问');
      } else {
        onUpdated(await recordAdviserReply(review.id, asking.consultation.id, values.reply ?? ''), '记录法律顾问答复');
      }
      setAsking(null);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="review-consultations">
      {canConsult && (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button onClick={() => setAsking({ kind: 'ask' })} data-testid="review-consult">
            咨询法律顾问
          </Button>
        </Flex>
      )}
      {review.consultations.length === 0 ? (
        <Empty description="未咨询法律顾问" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Flex vertical gap={8}>
          {review.consultations.map((c) => (
            <Card
              key={c.id}
              size="small"
              title={`第 ${c.roundNo} 轮 · 法律顾问 ${c.adviser}`}
              extra={<Typography.Text type="secondary">{formatTime(c.askedAt)}</Typography.Text>}
            >
              <div style={pre}>
                <Typography.Text type="secondary">问题:</Typography.Text>
                {c.question}
              </div>
              {c.reply === null ? (
                canConsult ? (
                  <Button
                    size="small"
                    style={{ marginTop: 8 }}
                    onClick={() => setAsking({ kind: 'reply', consultation: c })}
                    data-testid="review-consult-reply"
                  >
                    记录答复
                  </Button>
                ) : (
                  <Typography.Text type="secondary">尚未答复</Typography.Text>
                )
              ) : (
                <div style={{ ...pre, marginTop: 4 }}>
                  <Typography.Text type="secondary">答复({formatTime(c.repliedAt)}):</Typography.Text>
                  {c.reply}
                </div>
              )}
            </Card>
          ))}
        </Flex>
      )}
      <Modal
        open={asking !== null}
        title={asking?.kind === 'reply' ? `记录法律顾问 ${asking.consultation.adviser} 的答复` : '咨询法律顾问'}
        okText="保存"
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} onFinish={(values) => void submit(values)}>
          {asking?.kind === 'reply' ? (
            <Form.Item label="答复" name="reply" rules={[{ required: true, whitespace: true, message: '请填写法律顾问的答复' }]}>
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={8000} showCount />
            </Form.Item>
          ) : (
            <>
              <Form.Item label="法律顾问" name="adviser" rules={[{ required: true, whitespace: true, message: '请填写法律顾问' }]}>
                <Input maxLength={64} />
              </Form.Item>
              <Form.Item label="咨询的问题" name="question" rules={[{ required: true, whitespace: true, message: '请填写咨询的问题' }]}>
                <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={4000} showCount />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </div>
  );
}
