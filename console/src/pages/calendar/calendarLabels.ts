/** Chinese labels for the 工作日历 page. */

export function yearStatusTag(status: string): { label: string; color: string } {
  if (status === 'approved') return { label: '已生效', color: 'green' };
  if (status === 'draft') return { label: '待审核', color: 'orange' };
  return { label: status, color: 'default' };
}

/** Common holiday names of the State Council notice, offered while typing. */
export const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

const SYSTEM_ACTORS: Readonly<Record<string, string>> = {
  'calendar-seed': '系统载入(chinese-days)',
  cli: '命令行',
};

/** `system:calendar-seed` → 系统载入(chinese-days); undefined for a user id. */
export function systemActorLabel(ref: string): string | undefined {
  if (!ref.startsWith('system:')) return undefined;
  const name = ref.slice('system:'.length);
  return SYSTEM_ACTORS[name] ?? `系统(${name})`;
}

/** `calendar_year_unknown` and friends: the server's message is already Chinese; this names the kind of problem. */
export const DEADLINE_ERROR_TITLES: Readonly<Record<string, string>> = {
  calendar_year_unknown: '期限跨入尚未生效的年份',
  invalid_date: '起算日不正确',
  invalid_days: '天数不正确',
  invalid_input: '参数不正确',
  calendar_no_working_day: '节假日安排有误',
};
