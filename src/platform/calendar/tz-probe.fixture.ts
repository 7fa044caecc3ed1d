// Run by tz.test.ts in a child process (`node --import tsx`) under different TZ values: prints the
// answers of the calendar maths as JSON, which must not depend on the process time zone.
import chineseDays from 'chinese-days';
import { buildCalendar } from './calendar.js';
import { dayNumber, fromDayNumber, plusDays, shanghaiToday, weekday } from './dates.js';
import { extendDeadline, startPeriod, suspend } from './periods.js';
import { chineseDaysSchedule } from './seed.js';

const years = Array.from({ length: 23 }, (_, i) => 2004 + i);
const calendar = buildCalendar(years, chineseDaysSchedule());
const period = startPeriod(calendar, '2026-03-02', 10, 'calendar').period;
const answers = {
  tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
  working: calendar.addWorkingDays('2026-09-30', 7),
  spring: calendar.addWorkingDays('2026-02-12', 5),
  calendarRoll: calendar.addCalendarDays('2026-09-24', 7),
  weekdays: ['2026-10-10', '2026-10-11', '2027-02-08'].map(weekday),
  dayTrip: fromDayNumber(dayNumber('2026-03-08')),
  plus: plusDays('2026-02-28', 1),
  today: shanghaiToday(new Date('2026-09-30T16:30:00Z')),
  suspended: suspend(calendar, period, { from: '2026-03-05', to: '2026-03-09' }).date,
  extended: extendDeadline(calendar, period, 30).date,
  // Every day 2004–2026: does our calendar agree with chinese-days itself? (Only meaningful where
  // chinese-days is correct, i.e. under Asia/Shanghai; elsewhere the library shifts dates.)
  disagreements: [] as string[],
};
if (process.argv.includes('--compare')) {
  for (let d = dayNumber('2004-01-01'); d <= dayNumber('2026-12-31'); d++) {
    const date = fromDayNumber(d);
    if (calendar.isWorkingDay(date) !== chineseDays.isWorkday(date)) answers.disagreements.push(date);
  }
}
process.stdout.write(JSON.stringify(answers));
