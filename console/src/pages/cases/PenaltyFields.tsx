import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { options, PENALTY_TYPES } from './caseLabels';

/** 处罚种类, the fine (when 罚款 is among the types), the basis a per-person or multiple tier counts, the wording. */
export function PenaltyFields() {
  const types = Form.useWatch<string[] | undefined>('penaltyTypes');
  const withFine = (types ?? []).includes('罚款');
  return (
    <Row gutter={12}>
      <Col xs={24}>
        <Form.Item label="处罚种类" name="penaltyTypes" rules={[{ required: true, message: '请选择处罚种类' }]}>
          <Select mode="multiple" options={options(PENALTY_TYPES)} placeholder="请选择" data-testid="case-penalty-types" />
        </Form.Item>
      </Col>
      {withFine && (
        <Col xs={24} sm={12}>
          <Form.Item label="罚款金额(元)" name="fineYuan" rules={[{ required: true, message: '请填写罚款金额' }]}>
            <InputNumber min={0} max={1e10} precision={2} style={{ width: '100%' }} inputMode="decimal" data-testid="case-fine" />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} sm={12}>
        <Form.Item label="计算基数" name="basisQuantity" tooltip="按人或按倍数计算罚款的阶次:受侵害的劳动者人数,或欠缴、瞒报数额(元)">
          <InputNumber min={0} max={1e12} style={{ width: '100%' }} inputMode="decimal" data-testid="case-basis" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item label="处罚内容" name="penaltyDescription">
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} placeholder="如:责令改正,并处罚款……" />
        </Form.Item>
      </Col>
    </Row>
  );
}
