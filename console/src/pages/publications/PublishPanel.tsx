import { Alert, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { type DraftView, type PublicationView, publishPublication } from '../../api/publications';
import { apiErrorText, type ErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { confirmedSpans, isApplied, type ReviewSpan } from './redaction';

export interface PublishPanelProps {
  view: PublicationView;
  draft: DraftView;
  spans: readonly ReviewSpan[];
  problems: readonly string[];
  /** May publish (the server checks the unit scope again). */
  allowed: boolean;
  onUpdated: (next: PublicationView, what: string) => void;
}

/**
 * 公开 (the first version) or 更正 (a new version with its change note): sends the spans the person
 * confirmed and the hash of the text they were confirmed on, so a text changed in the meantime is refused.
 */
export function PublishPanel({ view, draft, spans, problems, allowed, onUpdated }: PublishPanelProps) {
  const [form] = Form.useForm<{ changeNote?: string }>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const correction = view.state === 'published';
  const applied = spans.filter(isApplied).length;
  const skipped = spans.length - applied;
  const action = correction ? '发布更正' : '公开';

  const submit = async ({ changeNote }: { changeNote?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const next = await publishPublication(view.id, {
        findings: confirmedSpans(spans),
        textSha256: draft.textSha256,
        ...(correction ? { changeNote: changeNote?.trim() ?? '' } : {}),
      });
      setOpen(false);
      onUpdated(next, correction ? `已发布更正(第 ${next.currentVersion} 版)` : '已公开');
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  if (!allowed) {
    return <Alert type="info" showIcon title="只有承办机构负责人、法制审核人员或系统管理员可以公开或更正行政执法决定。" />;
  }
  return (
    <Flex vertical gap={8}>
      {problems.length > 0 && (
        <Alert type="warning" showIcon title="公开前须处理:" description={problems.join(';')} data-testid="redaction-problems" />
      )}
      <Flex wrap gap={12} align="center">
        <Button
          type="primary"
          disabled={problems.length > 0 || draft.documentSuperseded}
          onClick={() => {
            setError(null);
            setOpen(true);
          }}
          data-testid="publication-publish"
        >
          {action}
        </Button>
        <Typography.Text data-testid="redaction-counts">
          隐去 {applied} 处,保留 {skipped} 处
        </Typography.Text>
      </Flex>
      <Modal
        open={open}
        title={correction ? '发布更正' : '公开行政执法决定'}
        okText={action}
        okButtonProps={{ 'data-testid': 'publication-publish-submit' }}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          将按预览中的文本向社会公开:隐去 {applied} 处个人信息,保留 {skipped} 处。公开记入执法记录账本,
          {correction ? '更正作为新版本公开,原版本保留在记录中。' : '公开后如需修改,只能以更正的方式发布新版本。'}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false} onFinish={(values) => void submit(values)}>
          {correction && (
            <Form.Item
              label="更正说明"
              name="changeNote"
              rules={[{ required: true, whitespace: true, message: '请写明更正了什么、为什么更正' }]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="publication-change-note" />
            </Form.Item>
          )}
        </Form>
        <ErrorAlert error={error} testId="publication-publish-error" />
      </Modal>
    </Flex>
  );
}
