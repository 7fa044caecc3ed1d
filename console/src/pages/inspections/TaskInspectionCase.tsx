import { Alert, Button, Flex, Form, Spin, Tag, Typography } from 'antd';
import { type ReactNode, useCallback, useState } from 'react';
import { getCase } from '../../api/cases';
import { startTask, type TaskView } from '../../api/inspections';
import { apiErrorText, type ErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { routes } from '../../router';
import { PublishedItemSelect } from '../cases/PublishedItemSelect';

export const caseUrl = (id: string): string => `${routes.cases}?id=${encodeURIComponent(id)}`;

/** 开始检查: the 行政检查 case that records the visit, registered under an item of that category. */
export function StartInspection({ task, onStarted }: { task: TaskView; onStarted: (task: TaskView) => void }) {
  const [form] = Form.useForm<{ itemCode: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);

  const submit = async ({ itemCode }: { itemCode: string }) => {
    setBusy(true);
    setError(null);
    try {
      onStarted(await startTask(task.id, itemCode));
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} name="taskStart" layout="vertical" onFinish={(values) => void submit(values)} data-testid="task-start-form">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        开始检查时登记一件行政检查案件(案件来源「双随机」,检查组为执法人员,检查对象为当事人)。现场检查(出示证件、音像记录)和检查结论在「案件办理」中记录;
        作出检查结论后,回到本任务录入抽查结果并公示。
      </Typography.Paragraph>
      <Form.Item label="执法事项(行政检查)" name="itemCode" rules={[{ required: true, message: '请选择行政检查事项' }]}>
        <PublishedItemSelect category="行政检查" data-testid="task-start-item" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="task-start">
        开始检查
      </Button>
      <ErrorAlert error={error} testId="task-start-error" />
    </Form>
  );
}

/**
 * The task's 行政检查 case: its number and stage with a link to it. `children` (the result form) shows
 * once the case has its 检查结论; before that, where the person goes on.
 */
export function InspectionCaseStatus({ caseId, children }: { caseId: string; children: ReactNode }) {
  const load = useCallback(() => getCase(caseId), [caseId]);
  const found = useAsync(load);
  const view = found.data;
  if (found.error && found.error.status !== 401) return <Alert type="error" showIcon title={found.error.message} />;
  if (!view) return <Spin />;
  const concluded = view.stage === 'closed';

  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="task-inspection-case">
        <Typography.Text>行政检查案件</Typography.Text>
        <Typography.Link href={caseUrl(caseId)} target="_blank" rel="noopener" data-testid="task-inspection-case-link">
          {view.caseNo}
        </Typography.Link>
        <Tag color={concluded ? 'success' : 'processing'} data-testid="task-inspection-case-stage">
          {view.stageLabel}
        </Tag>
      </Flex>
      {concluded ? (
        children
      ) : (
        <Alert
          type="info"
          showIcon
          title="请在「案件办理」中打开该行政检查案件,记录现场检查并作出检查结论;之后在此录入抽查结果。"
          action={
            <Button size="small" onClick={() => void found.reload()}>
              刷新
            </Button>
          }
        />
      )}
    </>
  );
}
