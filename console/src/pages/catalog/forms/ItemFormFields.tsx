import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, type FormRule, Input, InputNumber, Row, Select, Space } from 'antd';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { ITEM_CATEGORIES, LIMIT_UNITS, options } from '../catalogLabels';
import { ItemStepsField } from './ItemStepsField';
import { LegalBasesField } from './LegalBasesField';
import { ListRowCard } from './ListRowCard';
import { requiredText, requiredValue } from './rules';
import { StringListField } from './StringListField';

/** 承诺时限 may not be longer than 法定时限 when both count the same kind of day. */
const promisedWithinStatutory: FormRule = ({ getFieldValue }) => ({
  validator: async () => {
    const s: unknown = getFieldValue('statutoryLimit');
    const p: unknown = getFieldValue('promisedLimit');
    if (!isLimit(s) || !isLimit(p)) return;
    if (s.unit === p.unit && p.value > s.value) throw new Error('承诺办理时限不能长于法定办理时限');
  },
});

function isLimit(value: unknown): value is { value: number; unit: string } {
  return typeof value === 'object' && value !== null && 'value' in value && typeof value.value === 'number' && 'unit' in value;
}

/** 办理时限: a number of 工作日 or 日. */
function LimitField({ name, label, testId }: { name: 'statutoryLimit' | 'promisedLimit'; label: string; testId: string }) {
  const promised = name === 'promisedLimit';
  return (
    <Form.Item label={label} required>
      <Space.Compact block>
        <Form.Item
          name={[name, 'value']}
          noStyle
          dependencies={
            promised
              ? [
                  ['statutoryLimit', 'value'],
                  ['statutoryLimit', 'unit'],
                  ['promisedLimit', 'unit'],
                ]
              : undefined
          }
          rules={[...requiredValue(`请填写${label}`), ...(promised ? [promisedWithinStatutory] : [])]}
        >
          <InputNumber min={0} max={3650} precision={0} style={{ width: '60%' }} data-testid={testId} />
        </Form.Item>
        <Form.Item name={[name, 'unit']} noStyle>
          <Select options={options(LIMIT_UNITS)} style={{ width: '40%' }} />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}

/** 执法事项 (权责清单 and 服务指南): basics, legal bases, conditions and materials, time limits, steps, remedies. */
export function ItemFormFields() {
  return (
    <>
      <Form.Item label="事项名称" name="name" rules={requiredText('请输入事项名称')}>
        <Input maxLength={200} data-testid="catalog-field-name" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="事项类别" name="category" rules={requiredValue('请选择事项类别')}>
            <Select options={options(ITEM_CATEGORIES)} placeholder="请选择" data-testid="catalog-field-category" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="实施主体(承办单位)" name="unitId" rules={requiredValue('请选择承办单位')}>
            <UnitTreeSelect data-testid="catalog-field-unit" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="受理机构" name="acceptingBody">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="决定机构" name="approvingBody">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <LegalBasesField name="legalBases" label="法律依据" />
      <Form.Item label="办理条件/适用情形" name="conditions">
        <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <StringListField name="materials" label="申请(所需)材料" itemLabel="材料" maxLength={200} />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <LimitField name="statutoryLimit" label="法定办理时限" testId="catalog-field-statutory" />
        </Col>
        <Col xs={24} sm={12}>
          <LimitField name="promisedLimit" label="承诺办理时限" testId="catalog-field-promised" />
        </Col>
      </Row>
      <Form.Item label="收费标准及依据" name="fees">
        <Input maxLength={500} placeholder="如:不收费" />
      </Form.Item>
      <ItemStepsField />
      <Form.Item label="救济途径">
        <Form.List name="remedies">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <ListRowCard
                  key={field.key}
                  title={`救济途径 ${index + 1}`}
                  index={index}
                  count={fields.length}
                  onRemove={() => remove(field.name)}
                >
                  <Row gutter={12}>
                    <Col xs={24} sm={12}>
                      <Form.Item label="途径" name={[field.name, 'channel']} rules={requiredText('请输入救济途径')}>
                        <Input maxLength={100} placeholder="如:行政复议" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={12}>
                      <Form.Item label="期限" name={[field.name, 'period']} rules={requiredText('请输入期限')}>
                        <Input maxLength={100} placeholder="如:知道之日起 60 日内" />
                      </Form.Item>
                    </Col>
                  </Row>
                </ListRowCard>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ channel: '', period: '' })}>
                添加救济途径
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label="监督渠道" name="supervision">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Form.Item label="投诉渠道" name="complaint">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </>
  );
}
