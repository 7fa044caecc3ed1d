import {
  AutoComplete,
  Button,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { type Algorithm, createPlan, listItems, type PlanView, updatePlan } from '../../api/inspections';
import { apiErrorText, type ErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { beijingToday } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { useMe } from '../../session/SessionContext';
import { CommitmentField } from './CommitmentField';
import { ALGORITHM_HELP, ALGORITHM_LABELS } from './inspectionLabels';
import { newPlanValues, type PlanFormValues, planValues, toPlanInput } from './planForm';
import { SamplingFields } from './SamplingFields';
import { SourcesField } from './SourcesField';

const ALGORITHM_OPTIONS = (Object.keys(ALGORITHM_LABELS) as Algorithm[]).map((a) => ({ value: a, label: ALGORITHM_LABELS[a] }));
const fullWidth = { width: '100%' } as const;

export interface PlanFormDrawerProps {
  /** 'new', a draft to edit, or null when closed. */
  target: PlanView | 'new' | null;
  onClose: () => void;
  onSaved: (plan: PlanView) => void;
}

/** 制定 or 修改 a draft plan: items, population, sampling, teams, algorithm and sources, dates, the one-time code. */
export function PlanFormDrawer({ target, onClose, onSaved }: PlanFormDrawerProps) {
  const me = useMe();
  const compact = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<PlanFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const loadItems = useCallback(() => (target === null ? Promise.resolve([]) : listItems()), [target]);
  const items = useAsync(loadItems);
  const algorithm = Form.useWatch('algorithm', form);
  const drawOn = Form.useWatch('drawOn', form);
  const chosen = Form.useWatch('itemCodes', form);
  const editing = target !== null && target !== 'new';
  const today = beijingToday();

  const itemOptions = (items.data ?? []).map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }));
  // Keep the items of a draft selectable even if the list changed since (the server resolves them again).
  if (editing) {
    for (const i of target.items)
      if (!itemOptions.some((o) => o.value === i.code)) itemOptions.push({ value: i.code, label: `${i.code} ${i.name}` });
  }
  const fieldOptions = [...new Set((items.data ?? []).filter((i) => (chosen ?? []).includes(i.code)).map((i) => i.field))].map((f) => ({
    value: f,
  }));

  const submit = async (values: PlanFormValues) => {
    setBusy(true);
    setError(null);
    try {
      const input = toPlanInput(values);
      onSaved(editing ? await updatePlan(target.id, input) : await createPlan(input));
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  const initialValues = target === null ? undefined : target === 'new' ? newPlanValues(me.user.unitId, today) : planValues(target);
  const notBefore = (day: Dayjs | undefined) => (current: Dayjs) => day !== undefined && current.isBefore(day, 'day');

  return (
    <Drawer
      open={target !== null}
      title={editing ? `修改抽查计划 · ${target.title}` : '制定抽查计划'}
      size={compact ? '100%' : 860}
      onClose={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
      data-testid="plan-form-drawer"
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="plan-save">
            保存草稿
          </Button>
        </Flex>
      }
    >
      <Form
        form={form}
        name="plan"
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
        scrollToFirstError
      >
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item label="计划名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写计划名称' }]}>
              <Input maxLength={200} placeholder="如:2026年第四季度最低工资规定执行情况双随机抽查" data-testid="plan-title" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label="年度" name="year" rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} style={fullWidth} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="实施机构" name="unitId" rules={[{ required: true, message: '请选择实施机构' }]}>
              <UnitTreeSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="执法检查人员须具备的执法类别" name="field" rules={[{ required: true, whitespace: true }]}>
              <AutoComplete options={fieldOptions} placeholder="劳动保障监察" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              label="抽查事项(一次检查、多项事项)"
              name="itemCodes"
              rules={[{ required: true, type: 'array', min: 1, message: '请选择至少一个抽查事项' }]}
            >
              <Select
                mode="multiple"
                loading={items.loading}
                options={itemOptions}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="从现行抽查事项清单中选择"
                notFoundContent="清单中没有现行的抽查事项"
                data-testid="plan-items"
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="说明" name="description">
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} showCount placeholder="抽查的背景、重点和要求(随计划公告)" />
            </Form.Item>
          </Col>
        </Row>
        <Divider />
        <SamplingFields />
        <Divider />
        <Typography.Title level={5}>检查组</Typography.Title>
        <Row gutter={12}>
          <Col xs={12} md={8}>
            <Form.Item label="每组人数" name="teamSize" rules={[{ required: true, message: '请填写每组人数' }]} extra="至少 2 人">
              <InputNumber min={2} max={10} precision={0} style={fullWidth} data-testid="plan-team-size" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label="每人最多任务数" name="maxTasksPerInspector" extra="不填为不限">
              <InputNumber min={1} max={100000} precision={0} style={fullWidth} placeholder="不限" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="抽取算法" name="algorithm" rules={[{ required: true }]}>
              <Select options={ALGORITHM_OPTIONS} data-testid="plan-algorithm" />
            </Form.Item>
          </Col>
        </Row>
        {algorithm && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: -8 }}>
            {ALGORITHM_HELP[algorithm]}两种算法都可由任何人用公开的核验文件重新计算核对。
          </Typography.Paragraph>
        )}
        <Divider />
        <SourcesField />
        <Divider />
        <Typography.Title level={5}>日期</Typography.Title>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item
              label="抽取日期"
              name="drawOn"
              rules={[{ required: true, message: '请选择抽取日期' }]}
              extra="随机源号码在该日公布后抽取"
            >
              <DatePicker style={fullWidth} disabledDate={(day) => day.format('YYYY-MM-DD') < today} data-testid="plan-draw-on" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label="检查开始日期" name="inspectFrom" rules={[{ required: true, message: '请选择' }]}>
              <DatePicker style={fullWidth} disabledDate={notBefore(drawOn)} data-testid="plan-inspect-from" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label="检查结束日期" name="inspectTo" rules={[{ required: true, message: '请选择' }]}>
              <DatePicker style={fullWidth} disabledDate={notBefore(drawOn)} data-testid="plan-inspect-to" />
            </Form.Item>
          </Col>
        </Row>
        <Divider />
        <CommitmentField />
      </Form>
      <ErrorAlert error={error} testId="plan-form-error" />
    </Drawer>
  );
}
