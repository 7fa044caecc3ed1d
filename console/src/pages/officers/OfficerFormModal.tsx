import { Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { createOfficer, type LegalLevel, type Officer, type OfficerInput, type OfficerStatus, updateOfficer } from '../../api/officers';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { LEGAL_LEVEL_OPTIONS, OFFICER_STATUS_OPTIONS } from './officerLabels';
import { UserPicker } from './UserPicker';

interface OfficerFormValues {
  name: string;
  unitId: string;
  position: string;
  categories: string[];
  certificateNo: string;
  issuingAuthority: string;
  validFrom: Dayjs;
  validTo: Dayjs;
  status: OfficerStatus;
  legalLevel: LegalLevel;
  legalNo?: string;
  userId?: string | null;
}

export interface OfficerFormModalProps {
  /** `null` closed, `'new'` 新增, otherwise the officer being edited. */
  target: Officer | 'new' | null;
  onClose: () => void;
  onSaved: (officer: Officer, created: boolean) => void;
  onError: (error: unknown) => void;
}

const DATE = 'YYYY-MM-DD';

function toInput(v: OfficerFormValues): OfficerInput {
  return {
    userId: v.userId ?? null,
    name: v.name.trim(),
    unitId: v.unitId,
    position: v.position.trim(),
    categories: v.categories.map((c) => c.trim()).filter((c) => c !== ''),
    certificateNo: v.certificateNo.trim(),
    issuingAuthority: v.issuingAuthority.trim(),
    validFrom: v.validFrom.format(DATE),
    validTo: v.validTo.format(DATE),
    status: v.status,
    legalQualification: { level: v.legalLevel, certificateNo: v.legalLevel === 'none' ? null : v.legalNo?.trim() || null },
  };
}

function initialValues(o: Officer | 'new'): Partial<OfficerFormValues> {
  if (o === 'new') return { status: 'active', legalLevel: 'none', categories: [] };
  const status = OFFICER_STATUS_OPTIONS.find((s) => s.value === o.status)?.value ?? 'active';
  const level = LEGAL_LEVEL_OPTIONS.find((l) => l.value === o.legalQualification.level)?.value;
  return {
    ...o,
    validFrom: dayjs(o.validFrom),
    validTo: dayjs(o.validTo),
    status,
    legalLevel: level === 'A' || level === 'B' || level === 'C' ? level : 'none',
    legalNo: o.legalQualification.certificateNo ?? undefined,
  };
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

export function OfficerFormModal({ target, onClose, onSaved, onError }: OfficerFormModalProps) {
  const [form] = Form.useForm<OfficerFormValues>();
  const [submitting, setSubmitting] = useState(false);
  const legalLevel = Form.useWatch('legalLevel', form);

  const submit = async (values: OfficerFormValues) => {
    if (target === null) return;
    setSubmitting(true);
    try {
      const input = toInput(values);
      if (target === 'new') onSaved(await createOfficer(input), true);
      else onSaved(await updateOfficer(target.id, input), false);
    } catch (err) {
      onError(err);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={target === 'new' ? '新增执法人员' : target ? `编辑执法人员:${target.name}` : ''}
      okText="保存"
      cancelText="取消"
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'officer-form-submit' }}
      width={720}
      destroyOnHidden
    >
      {target && (
        <Form<OfficerFormValues> form={form} name="officer" layout="vertical" onFinish={submit} initialValues={initialValues(target)}>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item label="姓名" name="name" rules={required('请输入姓名')}>
                <Input maxLength={64} data-testid="officer-name" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label="职务" name="position" rules={required('请输入职务')}>
                <Input maxLength={64} data-testid="officer-position" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="所属单位" name="unitId" rules={[{ required: true, message: '请选择所属单位' }]}>
            <UnitTreeSelect data-testid="officer-unit" />
          </Form.Item>
          <Form.Item
            label="执法类别/执法领域"
            name="categories"
            extra="可输入多项,回车确认每一项"
            rules={[{ required: true, type: 'array', min: 1, message: '请填写至少一项执法类别' }]}
          >
            <Select
              mode="tags"
              tokenSeparators={[',', ',', '、']}
              open={false}
              placeholder="如:市容环境卫生"
              data-testid="officer-categories"
            />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item
                label="执法证件号码"
                name="certificateNo"
                rules={[...required('请输入证件号码'), { pattern: /^[0-9A-Za-z-]+$/, message: '证件号码只能包含字母、数字和连字符' }]}
              >
                <Input maxLength={32} data-testid="officer-certificate" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label="发证机关" name="issuingAuthority" rules={required('请输入发证机关')}>
                <Input maxLength={64} data-testid="officer-authority" />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item label="有效期起" name="validFrom" rules={[{ required: true, message: '请选择起始日' }]}>
                <DatePicker style={{ width: '100%' }} format={DATE} data-testid="officer-valid-from" />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item
                label="有效期至"
                name="validTo"
                dependencies={['validFrom']}
                rules={[
                  { required: true, message: '请选择截止日' },
                  ({ getFieldValue }) => ({
                    validator: (_r, value: Dayjs | undefined) => {
                      const from: Dayjs | undefined = getFieldValue('validFrom');
                      return value && from && value.isBefore(from, 'day')
                        ? Promise.reject(new Error('截止日不能早于起始日'))
                        : Promise.resolve();
                    },
                  }),
                ]}
              >
                <DatePicker style={{ width: '100%' }} format={DATE} data-testid="officer-valid-to" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item label="证件状态" name="status">
                <Select options={OFFICER_STATUS_OPTIONS} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item label="法律职业资格" name="legalLevel">
                <Select options={LEGAL_LEVEL_OPTIONS} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item label="资格证书编号" name="legalNo">
                <Input maxLength={64} disabled={legalLevel === 'none'} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="关联用户账号" name="userId">
            <UserPicker />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
