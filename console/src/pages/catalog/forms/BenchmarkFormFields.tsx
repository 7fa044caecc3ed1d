import { Col, Form, Input, Row, Switch } from 'antd';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { BenchmarkTiersField } from './BenchmarkTiersField';
import { ItemCodeSelect } from './ItemCodeSelect';
import { LegalBasesField } from './LegalBasesField';
import { requiredText, requiredValue } from './rules';

/** 行政处罚裁量基准: the violation, its bases, the statutory range, the tiers and the no-penalty rules. */
export function BenchmarkFormFields() {
  const form = Form.useFormInstance();
  const firstExempt = Form.useWatch('firstViolationExempt', form) === true;
  const minorExempt = Form.useWatch('minorExempt', form) === true;
  const exempt = firstExempt || minorExempt;
  return (
    <>
      <Form.Item label="违法行为" name="name" rules={requiredText('请输入违法行为')}>
        <Input maxLength={200} data-testid="catalog-field-name" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="违法行为类别" name="category" rules={requiredText('请输入违法行为类别')}>
            <Input maxLength={40} placeholder="如:工资支付、社会保险、劳动用工" data-testid="catalog-field-category" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="适用单位" name="unitId" rules={requiredValue('请选择适用单位')}>
            <UnitTreeSelect data-testid="catalog-field-unit" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="对应的行政处罚事项" name="itemCode" extra="可不选">
        <ItemCodeSelect category="行政处罚" data-testid="catalog-field-item" />
      </Form.Item>
      <LegalBasesField name="violationBases" label="违法依据" />
      <LegalBasesField name="penaltyBases" label="处罚依据" />
      <Form.Item label="法定处罚种类和幅度" name="statutoryRange" rules={requiredText('请输入法定处罚种类和幅度')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="catalog-field-range" />
      </Form.Item>
      <BenchmarkTiersField />
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item label="首违不罚" name="firstViolationExempt" valuePropName="checked">
            <Switch checkedChildren="适用" unCheckedChildren="不适用" data-testid="catalog-field-first-exempt" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item label="轻微不罚" name="minorExempt" valuePropName="checked">
            <Switch checkedChildren="适用" unCheckedChildren="不适用" data-testid="catalog-field-minor-exempt" />
          </Form.Item>
        </Col>
      </Row>
      {exempt && (
        <Form.Item label="不予处罚的条件" name="exemptConditions" rules={requiredText('适用首违不罚或轻微不罚时,请写明不予处罚的条件')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="catalog-field-exempt-conditions" />
        </Form.Item>
      )}
      <Form.Item label="说明" name="notes">
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 6 }} />
      </Form.Item>
    </>
  );
}
