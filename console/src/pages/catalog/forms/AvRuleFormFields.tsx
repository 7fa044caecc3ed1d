import { Alert, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useEffect } from 'react';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { AV_DEVICE_SUGGESTIONS, AV_RECORD_CATEGORIES, AV_REQUIREMENT_LABELS, labelOptions, options } from '../catalogLabels';
import { useItemSteps } from '../itemLookup';
import { ItemCodeSelect } from './ItemCodeSelect';
import { requiredValue } from './rules';

/** 音像记录事项: one step of one 执法事项 and whether, how and with what it is filmed. */
export function AvRuleFormFields() {
  const form = Form.useFormInstance();
  const itemCode: unknown = Form.useWatch('itemCode', form);
  const requirement: unknown = Form.useWatch('requirement', form);
  const { item, loading } = useItemSteps(typeof itemCode === 'string' && itemCode !== '' ? itemCode : undefined);

  // The unit follows the item unless one was chosen; a step the item does not have is cleared.
  useEffect(() => {
    if (!item) return;
    if (!form.getFieldValue('unitId')) form.setFieldValue('unitId', item.unitId);
    const step: unknown = form.getFieldValue('step');
    if (typeof step === 'string' && step !== '' && !item.steps.includes(step)) form.setFieldValue('step', undefined);
  }, [item, form]);

  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={14}>
          <Form.Item label="执法事项" name="itemCode" rules={requiredValue('请选择执法事项')}>
            <ItemCodeSelect data-testid="catalog-field-item" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item
            label="办理环节"
            name="step"
            rules={requiredValue('请选择办理环节')}
            extra={item ? `取自该事项第 ${item.versionNo} 版的办理流程` : undefined}
          >
            <Select
              placeholder={itemCode ? '请选择' : '请先选择执法事项'}
              disabled={!item}
              loading={loading}
              options={options(item?.steps ?? [])}
              data-testid="catalog-field-step"
            />
          </Form.Item>
        </Col>
      </Row>
      {item === null && <Alert type="warning" showIcon title="找不到该执法事项,请重新选择" style={{ marginBottom: 16 }} />}
      <Form.Item label="实施单位" name="unitId" rules={requiredValue('请选择实施单位')}>
        <UnitTreeSelect data-testid="catalog-field-unit" />
      </Form.Item>
      <Form.Item label="音像记录要求" name="requirement" rules={requiredValue('请选择音像记录要求')}>
        <Radio.Group options={labelOptions(AV_REQUIREMENT_LABELS)} data-testid="catalog-field-requirement" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="音像记录类别" name="recordCategory" rules={requiredValue('请选择音像记录类别')}>
            <Select options={options(AV_RECORD_CATEGORIES)} data-testid="catalog-field-category" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="非证据音像资料最短保存期限(月)" name="retentionMonths" rules={requiredValue('请填写保存期限')}>
            <InputNumber min={1} max={1200} precision={0} style={{ width: '100%' }} data-testid="catalog-field-retention" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label="记录设备"
        name="devices"
        extra="可从列表选择或直接输入,回车确认"
        rules={
          requirement === 'not_required'
            ? undefined
            : [{ required: true, type: 'array', min: 1, message: '需要音像记录的环节请填写记录设备' }]
        }
      >
        <Select
          mode="tags"
          options={options(AV_DEVICE_SUGGESTIONS)}
          tokenSeparators={[',', ',', '、']}
          data-testid="catalog-field-devices"
        />
      </Form.Item>
      <Form.Item label="说明" name="notes">
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 6 }} />
      </Form.Item>
    </>
  );
}
