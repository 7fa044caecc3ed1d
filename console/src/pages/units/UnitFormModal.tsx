import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { createUnit, updateUnit } from '../../api/endpoints';
import type { Unit, UnitKind } from '../../api/types';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { CREATABLE_UNIT_KINDS, UNIT_KIND_LABELS } from '../../labels/unitKinds';

interface UnitValues {
  name: string;
  parentId: string;
  kind: UnitKind;
  sortOrder?: number | null;
}

/** `create` may preset the parent (「新增下级」 on a row); `edit` can only rename and re-order, as the API allows. */
export type UnitFormMode = { kind: 'create'; parentId?: string } | { kind: 'edit'; unit: Unit };

export interface UnitFormModalProps {
  mode: UnitFormMode | null;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
  onError: (error: unknown) => void;
}

const KIND_OPTIONS = CREATABLE_UNIT_KINDS.map((value) => ({ value, label: UNIT_KIND_LABELS[value] }));

function initialValues(mode: UnitFormMode): Partial<UnitValues> {
  if (mode.kind === 'edit') return { name: mode.unit.name, sortOrder: mode.unit.sortOrder };
  return { parentId: mode.parentId, kind: 'section' };
}

export function UnitFormModal({ mode, onClose, onSaved, onError }: UnitFormModalProps) {
  const [form] = Form.useForm<UnitValues>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: UnitValues) => {
    if (!mode) return;
    setSubmitting(true);
    const name = values.name.trim();
    const sortOrder = typeof values.sortOrder === 'number' ? values.sortOrder : undefined;
    try {
      const saved =
        mode.kind === 'create'
          ? await createUnit({ name, parentId: values.parentId, kind: values.kind, ...(sortOrder === undefined ? {} : { sortOrder }) })
          : await updateUnit(mode.unit.id, { name, ...(sortOrder === undefined ? {} : { sortOrder }) });
      onSaved(saved);
    } catch (err) {
      onError(err);
    } finally {
      setSubmitting(false);
    }
  };

  const creating = mode?.kind === 'create';
  return (
    <Modal
      open={mode !== null}
      title={creating ? '新增机构' : '修改机构'}
      okText={creating ? '创建' : '保存'}
      cancelText="取消"
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'unit-form-submit' }}
      destroyOnHidden
    >
      {mode && (
        <Form<UnitValues> form={form} name="unitForm" layout="vertical" onFinish={submit} initialValues={initialValues(mode)}>
          <Form.Item label="机构名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入机构名称' }]}>
            <Input maxLength={64} />
          </Form.Item>
          {creating && (
            <>
              <Form.Item label="上级机构" name="parentId" rules={[{ required: true, message: '请选择上级机构' }]}>
                <UnitTreeSelect />
              </Form.Item>
              <Form.Item label="机构类型" name="kind" rules={[{ required: true, message: '请选择机构类型' }]}>
                <Select options={KIND_OPTIONS} />
              </Form.Item>
            </>
          )}
          <Form.Item label="排序号" name="sortOrder" extra="同一上级下按排序号从小到大排列;可不填。">
            <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
