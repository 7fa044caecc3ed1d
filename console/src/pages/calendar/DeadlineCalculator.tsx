import { Alert, Button, Card, DatePicker, Flex, Form, InputNumber, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { computeDeadline, type DayUnit, MAX_PERIOD_DAYS } from '../../api/calendar';
import { ApiError } from '../../api/client';
import { weekdayName } from './calendarDates';
import { DEADLINE_ERROR_TITLES } from './calendarLabels';
import { DATE } from './scheduleForm';

interface Values {
  from: Dayjs;
  days: number;
  unit: DayUnit;
}

type Outcome =
  | { kind: 'date'; date: string; query: { from: string; days: number; unit: DayUnit } }
  | { kind: 'error'; code: string; message: string };

const UNIT_LABELS: Readonly<Record<DayUnit, string>> = { working: '个工作日', calendar: '个自然日' };

/** 期限计算器: the same GET /api/calendar/deadline every module uses, so people can check a deadline by hand. */
export function DeadlineCalculator() {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Each computation and each edit bumps this, so a slow answer never shows beside inputs it was not computed for.
  const generation = useRef(0);
  const invalidate = () => {
    generation.current++;
    setOutcome(null);
    setBusy(false);
  };

  const compute = async (values: Values) => {
    const query = { from: values.from.format(DATE), days: values.days, unit: values.unit };
    const mine = ++generation.current;
    setBusy(true);
    let next: Outcome;
    try {
      const { date } = await computeDeadline(query);
      next = { kind: 'date', date, query };
    } catch (err) {
      next =
        err instanceof ApiError
          ? { kind: 'error', code: err.code, message: err.message }
          : { kind: 'error', code: 'client_error', message: '计算失败,请稍后重试' };
    }
    if (mine !== generation.current) return;
    setOutcome(next);
    setBusy(false);
  };

  return (
    <Card title="期限计算器" size="small" data-testid="deadline-calculator">
      <Typography.Paragraph type="secondary">
        起算日不计入,从次日开始计算;自然日期限的届满日为休息日的,顺延至其后第一个工作日。
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        name="deadline"
        layout="inline"
        initialValues={{ days: 5, unit: 'working' }}
        onFinish={compute}
        onValuesChange={invalidate}
        style={{ rowGap: 8 }}
      >
        <Form.Item label="起算日" name="from" rules={[{ required: true, message: '请选择起算日' }]}>
          <DatePicker format={DATE} data-testid="deadline-from" />
        </Form.Item>
        <Form.Item label="天数" name="days" rules={[{ required: true, message: '请填写天数' }]}>
          <InputNumber min={1} max={MAX_PERIOD_DAYS} precision={0} style={{ width: 100 }} data-testid="deadline-days" />
        </Form.Item>
        <Form.Item name="unit">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'working', label: '工作日' },
              { value: 'calendar', label: '自然日' },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="deadline-compute">
            计算
          </Button>
        </Form.Item>
      </Form>
      {outcome?.kind === 'date' && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="deadline-result"
          title={
            <Flex gap={8} wrap>
              <span>
                届满日:<strong>{outcome.date}</strong>({weekdayName(outcome.date)})
              </span>
              <Typography.Text type="secondary">
                自 {outcome.query.from} 起 {outcome.query.days} {UNIT_LABELS[outcome.query.unit]}
              </Typography.Text>
            </Flex>
          }
        />
      )}
      {outcome?.kind === 'error' && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="deadline-error"
          title={DEADLINE_ERROR_TITLES[outcome.code] ?? '无法计算期限'}
          description={
            <>
              {outcome.message}
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                (错误代码 {outcome.code})
              </Typography.Text>
            </>
          }
        />
      )}
    </Card>
  );
}
