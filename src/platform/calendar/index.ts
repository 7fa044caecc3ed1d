// The working-day calendar's public face: other modules and the app import from here only.

export {
  buildCalendar,
  type Calendar,
  calendarYearUnknown,
  DAY_UNITS,
  type DateRange,
  type DayUnit,
  type Period,
  type SpecialDay,
} from './calendar.js';
export { assertIsoDate, daysBetween, type IsoDate, isIsoDate, plusDays, shanghaiToday, weekday } from './dates.js';
export { extendDeadline, type PeriodState, startPeriod, suspend } from './periods.js';
export { calendarPolicy } from './policy.js';
export { calendarRoutes } from './routes.js';
export { calendarAlerts } from './schedule.js';
export { chineseDaysSchedule, SEED_SOURCE, seedCalendarFromChineseDays } from './seed.js';
export { approveYear, invalidateCalendar, listYears, loadCalendar, submitYear, type YearDetail, type YearView } from './service.js';
