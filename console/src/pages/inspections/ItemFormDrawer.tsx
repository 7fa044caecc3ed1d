import { Alert, Button, Col, Drawer, Flex, Form, Grid, Input, InputNumber, Radio, Row } from 'antd';
import { useState } from 'react';
import { createItem, type InspectionItem, ITEM_KINDS, type ItemInput, MIN_YEARLY_PERCENT, reviseItem } from '../../api/inspections';
import { apiErrorText, type ErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useMe } from '../../session/SessionContext';

type TextField = Exclude<keyof ItemInput, 'kind' | 'percent' | 'unitId' | 'changeNote'>;

const TEXT_FIELDS: readonly { name: TextField; label: string; max: number; rows?: number; placeholder?: string; half?: boolean }[] = [
  { name: 'category', label: '抽查类别', max: 50, placeholder: '如:劳动保障监察', half: true },
  { name: 'name', label: '抽查事项', max: 200, placeholder: '如:用人单位遵守最低工资规定情况的检查', half: true },
  { name: 'target', label: '检查对象', max: 200, placeholder: '如:辖区内用人单位', half: true },
  { name: 'field', label: '执法检查人员须具备的执法类别', max: 50, placeholder: '劳动保障监察', half: true },
  { name: 'basis', label: '检查依据', max: 4000, rows: 3, placeholder: '法律、法规、规章名称及条款' },
  { name: 'content', label: '抽查内容', max: 4000, rows: 3 },
  { name: 'method', label: '检查方式', max: 500, placeholder: '如:现场检查、书面检查', half: true },
  { name: 'frequency', label: '抽查频次', max: 200, placeholder: '如:每年不少于 1 次', half: true },
  { name: 'level', label: '实施层级', max: 100, placeholder: '如:市级、县级', half: true },
];

const KIND_OPTIONS = ITEM_KINDS.map((k) => ({ value: k, label: k }));

export interface ItemFormDrawerProps {
  /** 'new' to add an item, an item to revise it, null when closed. */
  target: InspectionItem | 'new' | null;
  onClose: () => void;
  onSaved: (item: InspectionItem) => void;
}

/** 新增 or 修订 an item of the list: every save publishes a version at once; a revision says why. */
export function ItemFormDrawer({ target, onClose, onSaved }: ItemFormDrawerProps) {
  const me = useMe();
  const compact = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<ItemInput>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const revising = target !== null && target !== 'new';

  const initialValues: Partial<ItemInput> | undefined =
    target === 'new'
      ? { kind: '一般检查事项', percent: MIN_YEARLY_PERCENT, field: '劳动保障监察', unitId: me.user.unitId }
      : target === null
        ? undefined
        : { ...target, changeNote: '' };

  const submit = async (values: ItemInput) => {
    setBusy(true);
    setError(null);
    try {
      const input: ItemInput = { ...values, changeNote: revising ? values.changeNote?.trim() : undefined };
      onSaved(revising ? await reviseItem(target.code, input) : await createItem(input));
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={target !== null}
      title={revising ? `修订抽查事项 · ${target.code}` : '新增抽查事项'}
      size={compact ? '100%' : 760}
      onClose={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
      data-testid="inspection-item-drawer"
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="inspection-item-save">
            {revising ? '发布新版本' : '发布'}
          </Button>
        </Flex>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          revising
            ? '修订后立即公开新版本,原版本保留可查;已制定的抽查计划仍按制定时的版本执行。'
            : `保存后立即在门户网站公开。抽查比例一般每年不低于 ${MIN_YEARLY_PERCENT}%,法律法规另有规定的从其规定。`
        }
      />
      <Form
        form={form}
        name="inspectionItem"
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
        requiredMark
      >
        <Row gutter={16}>
          {TEXT_FIELDS.map((f) => (
            <Col key={f.name} xs={24} md={f.half ? 12 : 24}>
              <Form.Item label={f.label} name={f.name} rules={[{ required: true, whitespace: true, message: `请填写${f.label}` }]}>
                {f.rows ? (
                  <Input.TextArea autoSize={{ minRows: f.rows }} maxLength={f.max} showCount placeholder={f.placeholder} />
                ) : (
                  <Input maxLength={f.max} placeholder={f.placeholder} data-testid={`inspection-item-${f.name}`} />
                )}
              </Form.Item>
            </Col>
          ))}
          <Col xs={24} md={12}>
            <Form.Item label="事项类别" name="kind" rules={[{ required: true }]}>
              <Radio.Group options={KIND_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="抽查比例(全年,%)" name="percent" rules={[{ required: true, message: '请填写抽查比例' }]}>
              <InputNumber min={0.1} max={100} step={1} style={{ width: '100%' }} data-testid="inspection-item-percent" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="实施机构" name="unitId" rules={[{ required: true, message: '请选择实施机构' }]}>
              <UnitTreeSelect />
            </Form.Item>
          </Col>
          {revising && (
            <Col xs={24}>
              <Form.Item label="修订理由" name="changeNote" rules={[{ required: true, whitespace: true, message: '请写明修订理由' }]}>
                <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} showCount data-testid="inspection-item-change-note" />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
      <ErrorAlert error={error} testId="inspection-item-error" />
    </Drawer>
  );
}
