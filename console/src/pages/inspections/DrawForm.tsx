import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { drawPlan, type PlanView } from '../../api/inspections';
import { apiErrorText, type ErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { beijingToday } from '../../format';
import { splitNumbers } from './inspectionLabels';

interface DrawValues {
  values: string[];
  code?: string;
}

const NUMBERS = /^[\d\s,，、;；]*$/;

/**
 * 抽取: once the announced sources are published, their numbers are entered here one source per field
 * (spaces, commas or line breaks between numbers) and, when the unit kept the code, the code. One draw per plan.
 */
export function DrawForm({ plan, onDrawn }: { plan: PlanView; onDrawn: (plan: PlanView) => void }) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<DrawValues>();
  const [error, setError] = useState<ErrorText | null>(null);
  const entered = Form.useWatch('values', form) ?? [];
  const today = beijingToday();
  const early = today < plan.drawOn;
  // The announced sources in their announced order (never reordered): the position is each one's identity.
  const numbered = plan.sources.map((source, index) => ({ source, index }));

  const run = async (values: string[][], code: string | undefined) => {
    setError(null);
    try {
      onDrawn(await drawPlan(plan.id, values, code));
    } catch (err) {
      setError(apiErrorText(err));
    }
  };

  const submit = (v: DrawValues) => {
    const values = plan.sources.map((_, i) => splitNumbers(v.values[i] ?? ''));
    const code = plan.externalCode ? (v.code ?? '').trim().toLowerCase() : undefined;
    modal.confirm({
      title: '确认抽取',
      width: 520,
      content: (
        <Flex vertical gap={6}>
          <Typography.Text>请再次核对录入的号码。每个计划只能抽取一次,抽取结果立即公开,不能撤销。</Typography.Text>
          {plan.sources.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the announced sources, in their announced order (never reordered).
            <div key={i}>
              <Typography.Text strong>{s.name}</Typography.Text>:{values[i]?.join(' ')}
            </div>
          ))}
        </Flex>
      ),
      okText: '抽取',
      okButtonProps: { 'data-testid': 'plan-draw-confirm' },
      cancelText: '返回修改',
      onOk: () => run(values, code),
    });
  };

  return (
    <Card size="small" title="录入随机源号码并抽取" style={{ marginTop: 16 }} data-testid="plan-draw">
      {early && (
        <Alert type="info" showIcon title={`公告的抽取日期为 ${plan.drawOn},随机源号码公布后方可抽取。`} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} name="draw" layout="vertical" disabled={early} onFinish={submit}>
        {numbered.map(({ source: s, index: i }) => (
          <Form.Item
            key={i}
            label={s.name}
            extra={
              <>
                {s.description && <div>{s.description}</div>}
                {splitNumbers(entered[i] ?? '').length > 0 && (
                  <div data-testid={`draw-normalised-${i}`}>将录入:{splitNumbers(entered[i] ?? '').join(' ')}</div>
                )}
              </>
            }
            name={['values', i]}
            rules={[
              { required: true, whitespace: true, message: '请录入开奖号码' },
              { pattern: NUMBERS, message: '只能录入数字,号码之间用空格或逗号分隔' },
            ]}
          >
            <Input inputMode="numeric" placeholder="如:03 09 14 22 27 31" data-testid={`draw-source-${i}`} />
          </Form.Item>
        ))}
        {plan.externalCode && (
          <Form.Item
            label="一次性码"
            name="code"
            extra="本机构自行保管的一次性码(十六进制),须与公告的承诺值相符"
            rules={[
              { required: true, whitespace: true, message: '请录入一次性码' },
              { pattern: /^\s*([0-9a-fA-F]{2})+\s*$/, message: '应为十六进制' },
            ]}
          >
            <Input style={{ fontFamily: 'monospace' }} data-testid="draw-code" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" data-testid="plan-draw-submit">
          抽取
        </Button>
      </Form>
      <ErrorAlert error={error} testId="plan-draw-error" />
    </Card>
  );
}
