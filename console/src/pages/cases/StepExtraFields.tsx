import { Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { REVOCATION_KIND_LABELS } from '../../../../src/modules/cases/case-data';
import type { ActionField } from './actionForms';
import { notAfterToday } from './caseDates';
import { HEARING_TYPES } from './caseLabels';

export interface StepExtraFieldsProps {
  fields: readonly ActionField[];
  officerOptions: { value: string; label: string }[];
  compact: boolean;
}

/**
 * 拟定事先告知: whether the notice tells of the right to a hearing. The heavy types always carry it
 * (行政处罚法 §63), so the box is then ticked and locked; a 较大数额 fine is the officer's call.
 */
function HearingOfferedField() {
  const form = Form.useFormInstance();
  const types = Form.useWatch<string[] | undefined>('penaltyTypes');
  const heavy = (types ?? []).filter((t) => HEARING_TYPES.includes(t));
  const locked = heavy.length > 0;
  useEffect(() => {
    if (locked) form.setFieldValue('hearingOffered', true);
  }, [locked, form]);
  return (
    <Form.Item
      name="hearingOffered"
      valuePropName="checked"
      extra={
        locked
          ? `「${heavy.join('、')}」属于听证范围,事先告知书须告知听证权利。`
          : '较大数额罚款等属于听证范围的(数额按本省标准),勾选后事先告知书写明当事人有权要求听证;不勾选的,当事人只能陈述、申辩。'
      }
    >
      <Checkbox disabled={locked} data-testid="case-hearing-offered">
        告知当事人有权要求听证
      </Checkbox>
    </Form.Item>
  );
}

/** 陈述申辩: the 复核 of what the party said — adopted or not, and why (shown after the statement itself). */
export function StatementReviewFields() {
  return (
    <>
      <Form.Item label="复核结论" name="statementAdopted" rules={[{ required: true, message: '请选择是否采纳' }]}>
        <Radio.Group optionType="button" buttonStyle="solid" data-testid="case-statement-adopted">
          {/* The radio input itself is hidden: the test ids sit on the visible labels. */}
          <Radio.Button value={true}>
            <span data-testid="case-statement-adopt">采纳</span>
          </Radio.Button>
          <Radio.Button value={false}>
            <span data-testid="case-statement-reject">不予采纳</span>
          </Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        label="复核意见(是否采纳及理由)"
        name="statementOpinion"
        rules={[{ required: true, whitespace: true, message: '请填写复核意见' }]}
      >
        <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 2, maxRows: 8 }} data-testid="case-statement-opinion" />
      </Form.Item>
    </>
  );
}

const REVOCATION_OPTIONS = Object.entries(REVOCATION_KIND_LABELS).map(([value, label]) => ({ value, label }));

/** 登记决定被撤销、变更或确认违法、无效: what happened, by whom, by which instrument. */
function RevocationFields() {
  return (
    <>
      <Form.Item label="决定的变化" name="revocationKind" rules={[{ required: true, message: '请选择' }]}>
        <Radio.Group options={REVOCATION_OPTIONS} data-testid="case-revocation-kind" />
      </Form.Item>
      <Form.Item
        label="作出机关"
        name="revocationAuthority"
        rules={[{ required: true, whitespace: true, message: '请填写作出机关' }]}
        extra="本机关(自行纠正)、复议机关或人民法院"
      >
        <Input maxLength={100} data-testid="case-revocation-authority" />
      </Form.Item>
      <Form.Item
        label="所依据的文书及文号"
        name="revocationInstrument"
        rules={[{ required: true, whitespace: true, message: '请填写文书及文号' }]}
      >
        <Input maxLength={200} placeholder="如:某政复决字〔2026〕12号行政复议决定书" data-testid="case-revocation-instrument" />
      </Form.Item>
    </>
  );
}

/** The smaller per-action fields: 听证权利, 物品清单, 权利放弃, 听证, 集体讨论, 负责人认定须法制审核. */
export function StepExtraFields({ fields, officerOptions, compact }: StepExtraFieldsProps) {
  const parts: ReactNode[] = [];
  if (fields.includes('hearingOffered')) parts.push(<HearingOfferedField key="hearingOffered" />);
  if (fields.includes('preservedItems')) {
    parts.push(
      <Form.Item
        key="preservedItems"
        label="先行登记保存的证据物品清单"
        name="preservedItems"
        rules={[{ required: true, whitespace: true, message: '请填写证据物品清单' }]}
        extra="名称、规格、数量、保存地点等,一行一项"
      >
        <Input.TextArea maxLength={4000} autoSize={{ minRows: 3, maxRows: 10 }} data-testid="case-preserved-items" />
      </Form.Item>,
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
  if (fields.includes('revocation')) parts.push(<RevocationFields key="revocation" />);
  if (fields.includes('reviewRequired')) {
    parts.push(
      <Form.Item name="reviewRequired" valuePropName="checked" key="review">
        <Checkbox data-testid="case-review-required">负责人认定为重大执法决定,须经法制审核</Checkbox>
      </Form.Item>,
    );
  }
  return <>{parts}</>;
}
