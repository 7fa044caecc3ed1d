import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, DatePicker, Divider, Flex, Form, Input, InputNumber, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type CalendarYearDetail, MAX_YEAR, MIN_YEAR, submitCalendarYear } from '../../api/calendar';
import { ApiError } from '../../api/client';
import { HOLIDAY_NAMES } from './calendarLabels';
import {
  countDays,
  draftValues,
  inYear,
  isGovCnUrl,
  isWeekendDay,
  newYearValues,
  toSubmitInput,
  type WorkdayRow,
  type YearFormValues,
} from './scheduleForm';

/** `{ year }` 录入 a new year, or a draft's detail to correct it; `null` closed. */
export type YearFormTarget = { year: number } | CalendarYearDetail | null;

interface Props {
  target: YearFormTarget;
  onClose: () => void;
  onSaved: (detail: CalendarYearDetail) => void;
  onError: (error: unknown) => void;
}

const NAME_OPTIONS = HOLIDAY_NAMES.map((value) => ({ value }));
const nameRules = [{ required: true, whitespace: true, message: '请填写名称' }];

function problemsOf(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const details = Array.isArray(error.details) ? error.details.filter((d): d is string => typeof d === 'string') : [];
  return details.length > 0 ? details : [error.message];
}

/** 录入节假日安排: the notice's document number, its holidays as ranges and its 调休 working days. */
export function YearFormModal({ target, onClose, onSaved, onError }: Props) {
  const [form] = Form.useForm<YearFormValues>();
  const [submitting, setSubmitting] = useState(false);
  const [problems, setProblems] = useState<string[] | null>(null);
  const year = Form.useWatch('year', form);
  const holidays = Form.useWatch('holidays', form);
  const workdays = Form.useWatch('workdays', form);
  const editing = target !== null && 'status' in target;
  const counts = countDays({ holidays, workdays });
  const outsideYear = (d: Dayjs) => !inYear(d, year ?? undefined);
  const pickerStart = dayjs(`${year ?? MIN_YEAR}-01-01`);

  const submit = async (v: YearFormValues) => {
    setSubmitting(true);
    setProblems(null);
    try {
      onSaved(await submitCalendarYear(toSubmitInput(v)));
    } catch (err) {
      const listed = problemsOf(err);
      if (listed) setProblems(listed);
      else onError(err);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={editing ? `修改 ${target.year} 年节假日安排(待审核)` : '录入节假日安排'}
      width={780}
      okText="保存(待审核)"
      cancelText="取消"
      okButtonProps={{ 'data-testid': 'calendar-form-submit' }}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={(open) => {
        if (!open) setProblems(null);
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        按国务院办公厅放假通知逐项录入。保存后为“待审核”,审核通过前不参与期限计算;审核前可以再次修改。
      </Typography.Paragraph>
      {problems && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="calendar-form-problems"
          title="节假日安排有误,请改正后再保存"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      {target && (
        <Form<YearFormValues>
          form={form}
          name="calendarYear"
          layout="vertical"
          onFinish={submit}
          initialValues={'status' in target ? draftValues(target) : newYearValues(target.year)}
        >
          <Flex gap={12} wrap>
            <Form.Item label="年份" name="year" rules={[{ required: true, message: '请填写年份' }]} style={{ width: 120 }}>
              <InputNumber
                min={MIN_YEAR}
                max={MAX_YEAR}
                precision={0}
                disabled={editing}
                style={{ width: '100%' }}
                data-testid="calendar-form-year"
              />
            </Form.Item>
            <Form.Item
              label="通知文号"
              name="noticeNumber"
              rules={[{ required: true, whitespace: true, message: '请填写通知文号' }]}
              style={{ flex: '1 1 240px' }}
            >
              <Input maxLength={100} placeholder="如 国办发明电〔2026〕7号" data-testid="calendar-form-notice" />
            </Form.Item>
          </Flex>
          <Form.Item
            label="通知网址(可选)"
            name="noticeUrl"
            rules={[
              {
                validator: (_r, value: string | undefined) =>
                  !value?.trim() || isGovCnUrl(value.trim())
                    ? Promise.resolve()
                    : Promise.reject(new Error('应为中国政府网(gov.cn)的 http(s) 地址')),
              },
            ]}
          >
            <Input maxLength={500} placeholder="https://www.gov.cn/zhengce/content/…" />
          </Form.Item>

          <Divider titlePlacement="start">法定节假日(休)</Divider>
          <Form.List name="holidays">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="start" data-testid="calendar-form-holiday">
                    <Form.Item name={[field.name, 'name']} rules={nameRules} style={{ width: 150 }}>
                      <AutoComplete options={NAME_OPTIONS} placeholder="节日名称" maxLength={50} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'range']}
                      rules={[
                        { required: true, message: '请选择放假起止日期' },
                        {
                          validator: (_r, range: [Dayjs | null, Dayjs | null] | null | undefined) =>
                            !range || range.every((d) => !d || inYear(d, year ?? undefined))
                              ? Promise.resolve()
                              : Promise.reject(new Error(`日期应在 ${year} 年内`)),
                        },
                      ]}
                      style={{ flex: 1 }}
                    >
                      <DatePicker.RangePicker
                        style={{ width: '100%' }}
                        placeholder={['放假开始', '放假结束(含)']}
                        disabledDate={outsideYear}
                        defaultPickerValue={[pickerStart, pickerStart]}
                      />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label="删除该节假日" onClick={() => remove(field.name)} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', range: null })} block>
                  添加节假日
                </Button>
              </>
            )}
          </Form.List>

          <Divider titlePlacement="start">调休上班日(班)</Divider>
          <Form.List name="workdays">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="start" data-testid="calendar-form-workday">
                    <Form.Item name={[field.name, 'name']} rules={nameRules} style={{ width: 150 }}>
                      <AutoComplete options={NAME_OPTIONS} placeholder="为哪个节日调休" maxLength={50} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'date']}
                      rules={[
                        { required: true, message: '请选择日期' },
                        {
                          validator: (_r, date: WorkdayRow['date']) => {
                            if (!date) return Promise.resolve();
                            if (!inYear(date, year ?? undefined)) return Promise.reject(new Error(`日期应在 ${year} 年内`));
                            return isWeekendDay(date) ? Promise.resolve() : Promise.reject(new Error('调休上班日应为周六或周日'));
                          },
                        },
                      ]}
                      style={{ flex: 1 }}
                    >
                      <DatePicker
                        style={{ width: '100%' }}
                        placeholder="上班日期(周六或周日)"
                        disabledDate={outsideYear}
                        defaultPickerValue={pickerStart}
                      />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label="删除该调休上班日" onClick={() => remove(field.name)} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', date: null })} block>
                  添加调休上班日
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }} data-testid="calendar-form-summary">
        合计:法定节假日 {counts.holidays} 天,调休上班日 {counts.workdays} 天。
      </Typography.Paragraph>
    </Modal>
  );
}
