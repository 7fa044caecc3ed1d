import { Alert, Button, DatePicker, Drawer, Flex, Form, Grid, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { errorDetails, type ReviewView, settleReview } from '../../api/reviews';
import { beijingToday } from '../../format';
import { fromDay, notAfterToday, toDay } from '../cases/caseDates';

interface SettleValues {
  heldOn: Dayjs;
  participants: string[];
  positions: string;
  decision: string;
  outcome: 'proposal' | 'opinion';
}

export interface SettleDrawerProps {
  review: ReviewView;
  open: boolean;
  onClose: () => void;
  onDone: (updated: ReviewView) => void;
}

/**
 * 记录集体讨论 (leader): when the handling unit disagrees with the opinion, the agency's collective
 * discussion decides — as proposed (the decision is cleared) or as the review said (the case stays returned).
 */
export function SettleDrawer({ review, open, onClose, onDone }: SettleDrawerProps) {
  const compact = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<SettleValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);

  const submit = async (values: SettleValues) => {
    setBusy(true);
    setError(null);
    try {
      onDone(
        await settleReview(review.id, {
          heldOn: toDay(values.heldOn),
          participants: values.participants,
          positions: values.positions,
          decision: values.decision,
          outcome: values.outcome,
        }),
      );
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) {
        setError({ message: err instanceof Error ? err.message : '提交失败,请稍后重试', details: errorDetails(err) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={`记录集体讨论 · ${review.caseNo}`}
      size={compact ? '100%' : 640}
      destroyOnHidden
      footer={
        <Flex vertical gap={8}>
          {error && (
            <Alert
              type="error"
              showIcon
              title={error.message}
              description={error.details.length > 1 ? error.details.join(';') : undefined}
              data-testid="review-settle-error"
            />
          )}
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="review-settle-submit">
              保存讨论决定
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Form<SettleValues>
        form={form}
        layout="vertical"
        name="reviewSettle"
        initialValues={{ heldOn: fromDay(beijingToday()), participants: [], outcome: 'proposal' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item label="讨论日期" name="heldOn" rules={[{ required: true, message: '请选择讨论日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} inputReadOnly={compact} />
        </Form.Item>
        <Form.Item
          label="参加人员"
          name="participants"
          tooltip="输入姓名后按回车;集体讨论应有三名以上参加人员"
          rules={[{ type: 'array', min: 3, message: '集体讨论应有三名以上参加人员' }]}
        >
          <Select mode="tags" open={false} suffixIcon={null} placeholder="输入姓名后按回车" data-testid="review-settle-participants" />
        </Form.Item>
        <Form.Item label="各方意见" name="positions" rules={[{ required: true, whitespace: true, message: '请记录各方意见' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={8000} showCount />
        </Form.Item>
        <Form.Item label="讨论决定" name="decision" rules={[{ required: true, whitespace: true, message: '请记录讨论决定' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item label="结果" name="outcome">
          <Radio.Group
            options={[
              { value: 'proposal', label: '按承办机构的拟处理意见作出决定' },
              { value: 'opinion', label: '按法制审核意见办理(退回承办机构)' },
            ]}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
