import { Col, Flex, Row, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import type { CalendarDay } from '../../api/calendar';
import { dayNumber, dayRuns, describeRun, fromDayNumber, isWeekend, weekday } from './calendarDates';

type Kind = 'holiday' | 'workday';

interface Special {
  kind: Kind;
  name: string;
}

const HEADINGS = ['一', '二', '三', '四', '五', '六', '日'];

const KIND_STYLE: Readonly<Record<Kind, { mark: string; color: string; background: string }>> = {
  holiday: { mark: '休', color: '#cf1322', background: '#fff1f0' },
  workday: { mark: '班', color: '#0958d9', background: '#e6f4ff' },
};

const cellBase: CSSProperties = {
  position: 'relative',
  height: 26,
  lineHeight: '26px',
  textAlign: 'center',
  fontSize: 12,
  borderRadius: 3,
};

function DayCell({ date, special }: { date: string; special: Special | undefined }) {
  const style = special ? KIND_STYLE[special.kind] : undefined;
  const label = special ? `${date} ${special.name}(${style?.mark})` : date;
  return (
    <div
      title={label}
      data-testid={special ? `calendar-day-${date}` : undefined}
      data-kind={special?.kind}
      style={{
        ...cellBase,
        color: style?.color ?? (isWeekend(date) ? '#8c8c8c' : undefined),
        background: style?.background,
        fontWeight: special ? 600 : undefined,
      }}
    >
      {Number(date.slice(8, 10))}
      {style && <span style={{ position: 'absolute', top: -3, right: 1, fontSize: 9, lineHeight: '12px' }}>{style.mark}</span>}
    </div>
  );
}

function MonthGrid({ year, month, special }: { year: number; month: number; special: ReadonlyMap<string, Special> }) {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const dates: string[] = [];
  for (let d = dayNumber(first); d < dayNumber(next); d++) dates.push(fromDayNumber(d));
  const leading = (weekday(first) + 6) % 7; // Monday first
  const inMonth = (kind: Kind) =>
    dayRuns(
      dates.flatMap((date) => {
        const day = special.get(date);
        return day?.kind === kind ? [{ date, name: day.name }] : [];
      }),
    );
  const holidays = inMonth('holiday');
  const workdays = inMonth('workday');

  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8, height: '100%' }} data-testid={`calendar-month-${month}`}>
      <Typography.Text strong>{month}月</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, marginTop: 4 }}>
        {HEADINGS.map((h) => (
          <div key={h} style={{ ...cellBase, color: '#8c8c8c', height: 20, lineHeight: '20px' }}>
            {h}
          </div>
        ))}
        {Array.from({ length: leading }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: empty cells before the 1st have no identity of their own.
          <div key={`blank-${i}`} />
        ))}
        {dates.map((date) => (
          <DayCell key={date} date={date} special={special.get(date)} />
        ))}
      </div>
      <Flex vertical gap={2} style={{ marginTop: 6, fontSize: 12 }}>
        {holidays.map((run) => (
          <span key={`h-${run.from}`} style={{ color: KIND_STYLE.holiday.color }}>
            {run.name} {describeRun(run)} 休
          </span>
        ))}
        {workdays.map((run) => (
          <span key={`w-${run.from}`} style={{ color: KIND_STYLE.workday.color }}>
            {describeRun(run)} 上班({run.name})
          </span>
        ))}
      </Flex>
    </div>
  );
}

/** A year at a glance: twelve small months with 法定节假日 (休) and 调休上班日 (班) marked and named. */
export function YearGrid({ year, holidays, workdays }: { year: number; holidays: CalendarDay[]; workdays: CalendarDay[] }) {
  const special = new Map<string, Special>();
  for (const d of holidays) special.set(d.date, { kind: 'holiday', name: d.name });
  for (const d of workdays) special.set(d.date, { kind: 'workday', name: d.name });
  return (
    <>
      <Flex gap={8} style={{ marginBottom: 8 }} wrap>
        <Tag color="red">休 法定节假日</Tag>
        <Tag color="blue">班 调休上班日</Tag>
        <Typography.Text type="secondary">灰色为周末;其余为工作日</Typography.Text>
      </Flex>
      <Row gutter={[8, 8]} data-testid="calendar-year-grid">
        {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
          <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
            <MonthGrid year={year} month={month} special={special} />
          </Col>
        ))}
      </Row>
    </>
  );
}
