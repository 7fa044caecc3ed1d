import { Col, Form, Input, Row, Select } from 'antd';
import { useCallback, useEffect } from 'react';
import { getPublishedItem } from '../../api/cases';
import { useAsync } from '../../hooks/useAsync';
import { options } from './caseLabels';

/**
 * 办理环节 (the AV list judges a step by it) from the item's current steps, and — for an approver only —
 * the written reason that lets a step the list requires to be recorded pass without a recording.
 */
export function AvFields({ itemCode, canApprove }: { itemCode: string; canApprove: boolean }) {
  const load = useCallback(() => getPublishedItem(itemCode), [itemCode]);
  const item = useAsync(load);
  const steps = item.data?.steps.map((s) => s.name) ?? [];
  const form = Form.useFormInstance();
  const chosen = Form.useWatch<string | undefined>('itemStep');
  // The action's usual step is prefilled; an item without it has no such step to judge (the server
  // refuses a step the item does not name), so the choice is cleared once the item's steps are known.
  const known = item.data !== undefined;
  const listed = chosen === undefined || steps.includes(chosen);
  useEffect(() => {
    if (known && !listed) form.setFieldValue('itemStep', undefined);
  }, [known, listed, form]);
  return (
    <Row gutter={12}>
      <Col xs={24}>
        <Form.Item label="执法事项办理环节" name="itemStep" tooltip="音像记录事项清单按办理环节规定是否全程记录">
          <Select allowClear loading={item.loading} options={options(steps)} placeholder="按本环节默认" data-testid="case-item-step" />
        </Form.Item>
      </Col>
      {canApprove && (
        <Col xs={24}>
          <Form.Item
            label="音像记录例外(负责人审批)"
            name="avReason"
            tooltip="清单要求全程音像记录而确实无法录制时(如设备故障),由负责人写明原因后放行;例外将单独记录"
          >
            <Input.TextArea
              maxLength={1000}
              autoSize={{ minRows: 1, maxRows: 4 }}
              placeholder="无法录音录像的原因"
              data-testid="case-av-reason"
            />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
