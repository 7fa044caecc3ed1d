import { Button, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { RESULT_KINDS, RESULT_PUBLICATION_WORKING_DAYS, recordInspection, type TaskView } from '../../api/inspections';
import { apiErrorText, type ErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { beijingToday } from '../../format';

interface InspectValues {
  inspectedFrom: Dayjs;
  inspectedTo: Dayjs;
  result: string;
  findings?: string;
}

const DAY = 'YYYY-MM-DD';

/** 录入检查情况和结果 (or correct them until published): one visit for all the plan's items. */
export function InspectForm({ task, onSaved }: { task: TaskView; onSaved: (task: TaskView) => void }) {
  const [form] = Form.useForm<InspectValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const result = Form.useWatch('result', form);
  const today = beijingToday();
  const resultOptions = RESULT_KINDS.map((k) => ({
    value: k,
    label: k,
    disabled: k === '立案查处' && task.caseId === null,
  }));

  const submit = async (v: InspectValues) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(
        await recordInspection(task.id, {
          inspectedFrom: v.inspectedFrom.format(DAY),
          inspectedTo: v.inspectedTo.format(DAY),
          result: v.result,
          findings: (v.findings ?? '').trim(),
        }),
      );
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      name="inspect"
      layout="vertical"
      initialValues={{
        inspectedFrom: dayjs(task.inspectedFrom ?? today),
        inspectedTo: dayjs(task.inspectedTo ?? today),
        result: task.result ?? undefined,
        findings: task.findings ?? '',
      }}
      onFinish={(values) => void submit(values)}
      data-testid="task-inspect-form"
    >
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item label="检查开始日期" name="inspectedFrom" rules={[{ required: true, message: '请选择' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format(DAY) > today} data-testid="task-inspected-from" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item
            label="检查结束日期"
            name="inspectedTo"
            dependencies={['inspectedFrom']}
            rules={[
              { required: true, message: '请选择' },
              ({ getFieldValue }) => ({
                validator: async (_, v: Dayjs | undefined) => {
                  const from = getFieldValue('inspectedFrom') as Dayjs | undefined;
                  if (v && from && v.isBefore(from, 'day')) throw new Error('不能早于开始日期');
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format(DAY) > today} data-testid="task-inspected-to" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label="检查结果"
        name="result"
        rules={[{ required: true, message: '请选择检查结果' }]}
        extra={task.caseId === null ? '「立案查处」须先从本任务登记案件' : undefined}
      >
        <Select options={resultOptions} placeholder="请选择" data-testid="task-result" />
      </Form.Item>
      <Form.Item
        label="检查情况"
        name="findings"
        rules={[
          { required: result !== undefined && result !== '未发现问题', whitespace: true, message: '发现问题或未能检查的,须写明检查情况' },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3 }} maxLength={4000} showCount data-testid="task-findings" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="task-inspect-save">
        {task.state === 'assigned' ? '保存检查结果' : '更正检查结果'}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        检查结果应在检查结束后 {RESULT_PUBLICATION_WORKING_DAYS} 个工作日内公示。
      </Typography.Paragraph>
      <ErrorAlert error={error} testId="task-inspect-error" />
    </Form>
  );
}
