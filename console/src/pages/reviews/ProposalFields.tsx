import { Checkbox, Form, Input, InputNumber, Typography } from 'antd';
import type { CaseView } from '../../api/cases';

/**
 * 拟作出的决定, when not the notified one (e.g. a lighter fine after 陈述申辩 was adopted): the fine and the
 * tier of the same 裁量基准. The server checks it as the decision (never heavier than notified, within the
 * tier or reasoned); the decision must then be exactly what the review agrees to.
 */
export function ProposalFields({ notice }: { notice: NonNullable<CaseView['data']['notice']> }) {
  const changed = Form.useWatch('proposalChanged') === true;
  const fine = notice.penalty.types.includes('罚款');
  return (
    <>
      <Form.Item name="proposalChanged" valuePropName="checked" style={{ marginBottom: changed ? 8 : undefined }}>
        <Checkbox data-testid="review-proposal-changed">拟作出的决定与事先告知的不同(如采纳陈述申辩后减轻)</Checkbox>
      </Form.Item>
      {changed && (
        <div style={{ paddingInlineStart: 24 }}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            事先告知:{notice.penalty.types.join('、')}
            {notice.penalty.fineYuan !== null && `,罚款 ${notice.penalty.fineYuan} 元`};裁量基准 {notice.benchmark.code} 第{' '}
            {notice.benchmark.tierNo} 阶次。不得重于事先告知的处罚。
          </Typography.Paragraph>
          {fine && (
            <Form.Item
              label="拟罚款数额(元)"
              name="proposalFine"
              rules={[{ required: true, message: '请填写拟罚款数额' }]}
              initialValue={notice.penalty.fineYuan ?? undefined}
            >
              <InputNumber
                min={0.01}
                max={notice.penalty.fineYuan ?? undefined}
                precision={2}
                style={{ width: '100%' }}
                data-testid="review-proposal-fine"
              />
            </Form.Item>
          )}
          <Form.Item
            label="裁量阶次"
            name="proposalTier"
            initialValue={notice.benchmark.tierNo}
            rules={[{ required: true, message: '请填写裁量阶次' }]}
          >
            <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} data-testid="review-proposal-tier" />
          </Form.Item>
          <Form.Item label="偏离裁量基准的理由(不在幅度内时必填)" name="proposalReason">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="review-proposal-reason" />
          </Form.Item>
        </div>
      )}
    </>
  );
}
