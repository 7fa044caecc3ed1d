import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, type FormRule, Input, InputNumber, Row, Select } from 'antd';
import { emptyTier } from '../catalogData';
import { FINE_UNITS, options, TIER_LEVELS } from '../catalogLabels';
import { ListRowCard } from './ListRowCard';
import { atLeastOne, requiredText, requiredValue } from './rules';

/** 罚款幅度: both bounds or neither, and the lower not above the upper (as the server checks). */
const fineRange =
  (index: number): FormRule =>
  ({ getFieldValue }) => ({
    validator: async () => {
      const min: unknown = getFieldValue(['tiers', index, 'fineMin']);
      const max: unknown = getFieldValue(['tiers', index, 'fineMax']);
      const hasMin = typeof min === 'number';
      const hasMax = typeof max === 'number';
      if (hasMin !== hasMax) throw new Error('罚款幅度应同时填写下限和上限,或都不填');
      if (hasMin && hasMax && min > max) throw new Error('罚款下限不能高于上限');
    },
  });

/** 裁量阶次 from least to most serious: level, 适用情形, 处罚内容 and the fine range. */
export function BenchmarkTiersField() {
  return (
    <Form.Item label="裁量阶次(由轻到重)" required>
      <Form.List name="tiers" rules={[atLeastOne('请填写至少一个裁量阶次')]}>
        {(fields, { add, remove, move }, { errors }) => (
          <div data-testid="catalog-tiers">
            {fields.map((field, index) => (
              <ListRowCard
                key={field.key}
                title={`阶次 ${index + 1}`}
                index={index}
                count={fields.length}
                onMove={move}
                onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
                testId={`catalog-tier-${index}`}
              >
                <Row gutter={12}>
                  <Col xs={24} sm={8}>
                    <Form.Item label="裁量等级" name={[field.name, 'level']} rules={requiredValue('请选择裁量等级')}>
                      <Select options={options(TIER_LEVELS)} data-testid={`catalog-tier-${index}-level`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={16}>
                    <Form.Item label="罚款幅度" extra="不罚款时下限、上限都不填">
                      <Row gutter={4} wrap={false}>
                        <Col flex="1">
                          <Form.Item name={[field.name, 'fineMin']} noStyle>
                            <InputNumber
                              min={0}
                              max={1e10}
                              placeholder="下限"
                              style={{ width: '100%' }}
                              data-testid={`catalog-tier-${index}-min`}
                            />
                          </Form.Item>
                        </Col>
                        <Col flex="1">
                          <Form.Item
                            name={[field.name, 'fineMax']}
                            noStyle
                            dependencies={[['tiers', field.name, 'fineMin']]}
                            rules={[fineRange(field.name)]}
                          >
                            <InputNumber
                              min={0}
                              max={1e10}
                              placeholder="上限"
                              style={{ width: '100%' }}
                              data-testid={`catalog-tier-${index}-max`}
                            />
                          </Form.Item>
                        </Col>
                        <Col flex="88px">
                          <Form.Item name={[field.name, 'fineUnit']} noStyle>
                            <Select options={options(FINE_UNITS)} style={{ width: '100%' }} />
                          </Form.Item>
                        </Col>
                      </Row>
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item label="适用情形" name={[field.name, 'conditions']} rules={requiredText('请输入适用情形')}>
                  <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid={`catalog-tier-${index}-conditions`} />
                </Form.Item>
                <Form.Item
                  label="处罚内容"
                  name={[field.name, 'penalty']}
                  rules={requiredText('请输入处罚内容')}
                  style={{ marginBottom: 0 }}
                >
                  <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 6 }} data-testid={`catalog-tier-${index}-penalty`} />
                </Form.Item>
              </ListRowCard>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(emptyTier())} data-testid="catalog-tier-add">
              添加裁量阶次
            </Button>
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}
