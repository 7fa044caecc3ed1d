import { Col, Form, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { MIN_YEARLY_PERCENT, RISK_CLASSES, RISK_LABELS, type RiskClass } from '../../api/inspections';
import { type PlanFormValues, tieredClasses } from './planForm';

const RISK_OPTIONS = RISK_CLASSES.map((c) => ({ value: c, label: RISK_LABELS[c] }));

/** The population filter (regions, industries, risk classes) and how many to draw: uniform or per risk class, percent or count. */
export function SamplingFields() {
  const form = Form.useFormInstance<PlanFormValues>();
  const mode = Form.useWatch('samplingMode', form);
  const tiered = Form.useWatch('tiered', form);
  const riskClasses = Form.useWatch('riskClasses', form) as RiskClass[] | undefined;
  const percent = mode !== 'count';
  const valueProps = percent ? { min: 0.1, max: 100, step: 1, suffix: '%' } : { min: 0, max: 100000, step: 1, precision: 0, suffix: '户' };
  const required = { required: true, message: percent ? '请填写抽查比例' : '请填写抽查数量' };

  return (
    <>
      <Typography.Title level={5}>检查对象范围</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        从检查对象名录库中在册的对象里,按以下条件确定本次抽取的范围;不填为不限。
      </Typography.Paragraph>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label="所属区域" name="regions">
            <Select mode="tags" placeholder="输入后回车,如:大武口区" tokenSeparators={[',', ',']} data-testid="plan-regions" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="行业" name="industries">
            <Select mode="tags" placeholder="输入后回车,如:建筑业" tokenSeparators={[',', ',']} data-testid="plan-industries" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="风险等级" name="riskClasses">
            <Select mode="multiple" allowClear placeholder="不限" options={RISK_OPTIONS} data-testid="plan-risk-classes" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>抽取数量</Typography.Title>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label="抽取方式" name="tiered">
            <Radio.Group
              options={[
                { value: false, label: '统一比例' },
                { value: true, label: '按风险分类' },
              ]}
              data-testid="plan-tiered"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="计量" name="samplingMode">
            <Radio.Group
              options={[
                { value: 'percent', label: '比例(%)' },
                { value: 'count', label: '数量(户)' },
              ]}
              data-testid="plan-sampling-mode"
            />
          </Form.Item>
        </Col>
      </Row>
      {tiered ? (
        <Row gutter={12}>
          {tieredClasses(riskClasses).map((c) => (
            <Col key={c} xs={12} md={6}>
              <Form.Item label={`${c} 类`} name={['perClass', c]} rules={[required]} tooltip={RISK_LABELS[c]}>
                <InputNumber {...valueProps} style={{ width: '100%' }} data-testid={`plan-sampling-${c}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      ) : (
        <Form.Item label={percent ? '抽查比例' : '抽查数量'} name="uniform" rules={[required]}>
          <InputNumber {...valueProps} style={{ width: 180 }} data-testid="plan-sampling-uniform" />
        </Form.Item>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: -8 }}>
        按比例时每类抽取数向上取整。按风险分类时,信用好、风险低的对象适当降低比例,失信、高风险的对象提高比例;全年抽查比例一般不低于{' '}
        {MIN_YEARLY_PERCENT}%。公告前可在计划详情中核对每类的对象数和抽取数。
      </Typography.Paragraph>
    </>
  );
}
