import { Checkbox, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ActionField } from './actionForms';
import { notAfterToday } from './caseDates';
import { options, SERVICE_METHODS } from './caseLabels';

export interface StepExtraFieldsProps {
  fields: readonly ActionField[];
  officerOptions: { value: string; label: string }[];
  compact: boolean;
}

/** The smaller per-action fields: 送达, 权利放弃, 听证, 集体讨论, 负责人认定须法制审核. */
export function StepExtraFields({ fields, officerOptions, compact }: StepExtraFieldsProps) {
  const parts: ReactNode[] = [];
  if (fields.includes('service')) {
    parts.push(
      <Row gutter={12} key="service">
        <Col xs={24} sm={12}>
          <Form.Item label="送达方式" name="serviceMethod" rules={[{ required: true, message: '请选择送达方式' }]}>
            <Select options={options(SERVICE_METHODS)} data-testid="case-service-method" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="受送达人" name="recipient" rules={[{ required: true, whitespace: true, message: '请填写受送达人' }]}>
            <Input maxLength={100} data-testid="case-recipient" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            留置送达须附送达过程的照片或录像。
          </Typography.Paragraph>
        </Col>
      </Row>,
    );
  }
  if (fields.includes('rightsWaived')) {
    parts.push(
      <Form.Item name="rightsWaived" valuePropName="checked" key="waived">
        <Checkbox data-testid="case-rights-waived">当事人书面放弃陈述、申辩和听证(期满前即可作出决定)</Checkbox>
      </Form.Item>,
    );
  }
  if (fields.includes('hearing')) {
    parts.push(
      <Row gutter={12} key="hearing">
        <Col xs={24} sm={12}>
          <Form.Item label="听证通知送达日期" name="hearingNoticeOn" rules={[{ required: true, message: '请填写听证通知送达日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} inputReadOnly={compact} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="听证主持人" name="presiderOfficerId" rules={[{ required: true, message: '请指定听证主持人' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={officerOptions} data-testid="case-presider" />
          </Form.Item>
        </Col>
      </Row>,
    );
  }
  if (fields.includes('collective')) {
    parts.push(
      <Form.Item name="collective" valuePropName="checked" key="collective">
        <Checkbox data-testid="case-collective">经负责人集体讨论决定</Checkbox>
      </Form.Item>,
    );
  }
  if (fields.includes('reviewRequired')) {
    parts.push(
      <Form.Item name="reviewRequired" valuePropName="checked" key="review">
        <Checkbox data-testid="case-review-required">负责人认定为重大执法决定,须经法制审核</Checkbox>
      </Form.Item>,
    );
  }
  return <>{parts}</>;
}
