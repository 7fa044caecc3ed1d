import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Grid, Input, Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import {
  activateEntity,
  DEFAULT_RISK_CLASS,
  deactivateEntity,
  ENTITY_SIZES,
  type EntityFields,
  type EntityView,
  RISK_CLASSES,
  riskClassLabel,
  updateEntity,
} from '../../api/inspection-entities';
import { apiErrorText, type ErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ReasonModal } from '../../components/ReasonModal';
import { formatTime } from '../../format';
import { RiskTag } from './entityColumns';

const TEXT_FIELDS: readonly { name: keyof EntityFields; label: string; max: number; required?: boolean }[] = [
  { name: 'name', label: '名称', max: 200, required: true },
  { name: 'legalRepresentative', label: '法定代表人', max: 50, required: true },
  { name: 'address', label: '住所(地址)', max: 300, required: true },
  { name: 'region', label: '所属区域', max: 50, required: true },
  { name: 'industry', label: '行业', max: 50, required: true },
  { name: 'contact', label: '联络人', max: 50 },
  { name: 'phone', label: '联系电话', max: 30 },
];

const SIZE_OPTIONS = ENTITY_SIZES.map((s) => ({ value: s, label: s }));
const RISK_OPTIONS = RISK_CLASSES.map((c) => ({ value: c, label: riskClassLabel(c) }));

const fieldsOf = (e: EntityView): EntityFields => ({
  name: e.name,
  legalRepresentative: e.legalRepresentative,
  address: e.address,
  region: e.region,
  industry: e.industry,
  size: e.size,
  riskClass: e.riskClass,
  contact: e.contact,
  phone: e.phone,
});

export interface EntityDrawerProps {
  entity: EntityView | null;
  /** `inspection.entities`: edit, deactivate, reactivate; otherwise the drawer only shows. */
  editable: boolean;
  onClose: () => void;
  onChanged: (updated: EntityView) => void;
}

/** One entity: its fields (edited in place by those who keep the directory), and 停用 / 恢复 with a reason. */
export function EntityDrawer({ entity, editable, onClose, onChanged }: EntityDrawerProps) {
  const compact = Grid.useBreakpoint().md === false;
  const { message } = App.useApp();
  const [form] = Form.useForm<EntityFields>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    setError(null);
    if (entity) form.setFieldsValue(fieldsOf(entity));
  }, [entity, form]);

  const save = async (values: EntityFields) => {
    if (!entity) return;
    setSaving(true);
    setError(null);
    try {
      const updated = await updateEntity(entity.uscc, {
        ...values,
        size: values.size ?? '',
        contact: values.contact ?? '',
        phone: values.phone ?? '',
      });
      message.success('已保存');
      onChanged(updated);
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setSaving(false);
    }
  };

  const toggle = async (reason: string) => {
    if (!entity) return;
    const updated = entity.active ? await deactivateEntity(entity.uscc, reason) : await activateEntity(entity.uscc, reason);
    setAsking(false);
    message.success(updated.active ? '已恢复' : '已停用');
    onChanged(updated);
  };

  return (
    <Drawer
      open={entity !== null}
      title={entity ? entity.name : '检查对象'}
      size={compact ? '100%' : 640}
      onClose={onClose}
      destroyOnHidden
      data-testid="entity-drawer"
      extra={
        entity &&
        editable && (
          <Button danger={entity.active} onClick={() => setAsking(true)} data-testid="entity-toggle">
            {entity.active ? '停用' : '恢复'}
          </Button>
        )
      }
    >
      {entity && (
        <>
          {!entity.active && (
            <Alert type="warning" showIcon title="该检查对象已停用,不参加抽取" style={{ marginBottom: 12 }} data-testid="entity-inactive" />
          )}
          <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label="统一社会信用代码">{entity.uscc}</Descriptions.Item>
            <Descriptions.Item label="状态">{entity.active ? <Tag color="green">在册</Tag> : <Tag>已停用</Tag>}</Descriptions.Item>
            {!editable && (
              <>
                {TEXT_FIELDS.map((f) => (
                  <Descriptions.Item key={f.name} label={f.label}>
                    {entity[f.name] || '—'}
                  </Descriptions.Item>
                ))}
                <Descriptions.Item label="规模">{entity.size || '—'}</Descriptions.Item>
                <Descriptions.Item label="风险等级">
                  <RiskTag riskClass={entity.riskClass} /> {riskClassLabel(entity.riskClass)}
                </Descriptions.Item>
              </>
            )}
            <Descriptions.Item label="更新时间">{formatTime(entity.updatedAt)}</Descriptions.Item>
          </Descriptions>
          {editable && (
            <Form form={form} layout="vertical" onFinish={(values) => void save(values)} data-testid="entity-form">
              {TEXT_FIELDS.map((f) => (
                <Form.Item
                  key={f.name}
                  name={f.name}
                  label={f.label}
                  rules={f.required ? [{ required: true, whitespace: true, message: `请填写${f.label}` }] : []}
                >
                  <Input maxLength={f.max} data-testid={`entity-field-${f.name}`} />
                </Form.Item>
              ))}
              <Flex gap={12} wrap>
                <Form.Item name="size" label="规模" style={{ flex: 1, minWidth: 140 }}>
                  <Select allowClear placeholder="未填" options={SIZE_OPTIONS} />
                </Form.Item>
                <Form.Item name="riskClass" label="风险等级" style={{ flex: 1, minWidth: 180 }} initialValue={DEFAULT_RISK_CLASS}>
                  <Select options={RISK_OPTIONS} data-testid="entity-field-riskClass" />
                </Form.Item>
              </Flex>
              <ErrorAlert error={error} testId="entity-save-error" />
              <Button type="primary" htmlType="submit" loading={saving} block={compact} style={{ marginTop: 12 }} data-testid="entity-save">
                保存
              </Button>
            </Form>
          )}
          <ReasonModal
            open={asking}
            title={entity.active ? `停用 ${entity.name}` : `恢复 ${entity.name}`}
            label={entity.active ? '停用原因' : '恢复原因'}
            hint={entity.active ? '停用后该对象不再参加随机抽取,已有的抽查记录保留。' : undefined}
            danger={entity.active}
            okText={entity.active ? '停用' : '恢复'}
            onCancel={() => setAsking(false)}
            onSubmit={toggle}
            testId="entity-reason"
          />
        </>
      )}
    </Drawer>
  );
}
