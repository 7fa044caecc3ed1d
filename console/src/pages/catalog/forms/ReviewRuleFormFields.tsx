import { Alert, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { reviewRuleFromForm } from '../catalogData';
import { ITEM_CATEGORIES, labelOptions, options, PENALTY_TYPES, REVIEW_RULE_TYPE_LABELS } from '../catalogLabels';
import { explainReviewRule, RULE_TYPE_FIELDS } from '../reviewRuleExplain';
import { ItemCodeSelect } from './ItemCodeSelect';
import { requiredText, requiredValue } from './rules';

const atLeastOneOf = (message: string) => [{ required: true, type: 'array' as const, min: 1, message }];

/** At least one of the two fine thresholds. */
const oneThreshold = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
  validator: async () => {
    if (typeof getFieldValue('naturalPersonFine') !== 'number' && typeof getFieldValue('organizationFine') !== 'number') {
      throw new Error('请至少填写对公民或对法人和其他组织的罚款数额标准');
    }
  },
});

/** A rule of the 重大执法决定法制审核目录: only the fields its type uses are shown, with the rule in one sentence. */
export function ReviewRuleFormFields() {
  const form = Form.useFormInstance();
  const values: unknown = Form.useWatch((all: unknown) => all, { form, preserve: true });
  const data = reviewRuleFromForm(values);
  const uses = RULE_TYPE_FIELDS[data.ruleType] ?? [];
  const sentence = explainReviewRule(data);

  return (
    <>
      <Form.Item label="规则名称" name="name" rules={requiredText('请输入规则名称')}>
        <Input maxLength={100} data-testid="catalog-field-name" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="规则类型" name="ruleType" rules={requiredValue('请选择规则类型')}>
            <Select options={labelOptions(REVIEW_RULE_TYPE_LABELS)} data-testid="catalog-field-rule-type" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="审核机构" name="unitId" rules={requiredValue('请选择审核机构')}>
            <UnitTreeSelect data-testid="catalog-field-unit" />
          </Form.Item>
        </Col>
      </Row>
      {uses.includes('itemCodes') && (
        <Form.Item label="指定执法事项" name="itemCodes" rules={atLeastOneOf('请选择至少一个执法事项')}>
          <ItemCodeSelect mode="multiple" data-testid="catalog-field-item-codes" />
        </Form.Item>
      )}
      {uses.includes('categories') && (
        <Form.Item label="事项类别" name="categories" rules={atLeastOneOf('请选择至少一个类别')}>
          <Select mode="multiple" options={options(ITEM_CATEGORIES)} data-testid="catalog-field-categories" />
        </Form.Item>
      )}
      {uses.includes('fines') && (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label="对公民罚款达到(元)" name="naturalPersonFine" rules={[oneThreshold]}>
              <InputNumber min={0} max={1e10} style={{ width: '100%' }} data-testid="catalog-field-person-fine" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label="对法人或者其他组织罚款达到(元)"
              name="organizationFine"
              dependencies={['naturalPersonFine']}
              rules={[oneThreshold]}
            >
              <InputNumber min={0} max={1e10} style={{ width: '100%' }} data-testid="catalog-field-org-fine" />
            </Form.Item>
          </Col>
        </Row>
      )}
      {uses.includes('penaltyTypes') && (
        <Form.Item label="处罚种类" name="penaltyTypes" rules={atLeastOneOf('请选择至少一种处罚')}>
          <Select mode="multiple" options={options(PENALTY_TYPES)} data-testid="catalog-field-penalty-types" />
        </Form.Item>
      )}
      {sentence !== '' && (
        <Alert
          type="info"
          showIcon
          title="规则说明(公示页将显示)"
          description={sentence}
          style={{ marginBottom: 16 }}
          data-testid="catalog-rule-explanation"
        />
      )}
      <Form.Item label="规则依据" name="basis" rules={requiredText('请输入规则依据')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="catalog-field-basis" />
      </Form.Item>
      <Form.Item label="说明" name="notes">
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 6 }} />
      </Form.Item>
    </>
  );
}
