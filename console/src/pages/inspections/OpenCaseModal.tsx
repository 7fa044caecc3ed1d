import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { type OpenCaseInput, openCase, type TaskView } from '../../api/inspections';
import { apiErrorText, type ErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PublishedItemSelect } from '../cases/PublishedItemSelect';

export interface OpenCaseModalProps {
  task: TaskView | null;
  onClose: () => void;
  onOpened: (caseId: string) => void;
}

/** 立案查处: a penalty case (来源「双随机」, the entity as party) registered from the task, handled by two of its team. */
export function OpenCaseModal({ task, onClose, onOpened }: OpenCaseModalProps) {
  const [form] = Form.useForm<OpenCaseInput>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const team = (task?.team ?? []).filter((m) => m.officerId !== '');
  const options = team.map((m) => ({ value: m.officerId, label: `${m.name}(${m.certificateNo})` }));

  const submit = async (values: OpenCaseInput) => {
    if (!task) return;
    setBusy(true);
    setError(null);
    try {
      const { caseId } = await openCase(task.id, { ...values, title: values.title.trim(), summary: values.summary.trim() });
      onOpened(caseId);
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={task !== null}
      title="立案查处"
      okText="登记案件"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'task-case-submit' }}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="登记为行政处罚案件(案件来源「双随机」),检查对象为当事人;之后在「案件办理」中受理、立案并调查。"
      />
      {task && (
        <Form
          form={form}
          name="taskCase"
          layout="vertical"
          preserve={false}
          initialValues={{
            title: `${task.entityName}涉嫌违法案`,
            summary: task.findings ?? '',
            leadOfficerId: team[0]?.officerId,
            assistOfficerId: team[1]?.officerId,
          }}
          onFinish={(values) => void submit(values)}
        >
          <Form.Item label="执法事项(行政处罚)" name="itemCode" rules={[{ required: true, message: '请选择执法事项' }]}>
            <PublishedItemSelect category="行政处罚" data-testid="task-case-item" />
          </Form.Item>
          <Form.Item label="案由" name="title" rules={[{ required: true, whitespace: true, message: '请填写案由' }]}>
            <Input maxLength={200} data-testid="task-case-title" />
          </Form.Item>
          <Form.Item label="案情摘要" name="summary" rules={[{ required: true, whitespace: true, message: '请填写案情摘要' }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item label="主办人" name="leadOfficerId" rules={[{ required: true, message: '请选择主办人' }]}>
            <Select options={options} data-testid="task-case-lead" />
          </Form.Item>
          <Form.Item
            label="协办人"
            name="assistOfficerId"
            dependencies={['leadOfficerId']}
            rules={[
              { required: true, message: '请选择协办人' },
              ({ getFieldValue }) => ({
                validator: async (_, v: string | undefined) => {
                  if (v && v === getFieldValue('leadOfficerId')) throw new Error('主办人和协办人不能是同一人');
                },
              }),
            ]}
          >
            <Select options={options} data-testid="task-case-assist" />
          </Form.Item>
        </Form>
      )}
      <ErrorAlert error={error} testId="task-case-error" />
    </Modal>
  );
}
