import type { Algorithm, PlanState, TaskState, TeamMember } from '../../api/inspections';

export const PLAN_STATE_COLORS: Readonly<Record<PlanState, string>> = {
  draft: 'default',
  announced: 'processing',
  drawn: 'success',
  cancelled: 'error',
};

export const TASK_STATE_COLORS: Readonly<Record<TaskState, string>> = {
  assigned: 'warning',
  inspected: 'processing',
  published: 'success',
};

export const ALGORITHM_LABELS: Readonly<Record<Algorithm, string>> = {
  vrs: '排序抽取(VRS,推荐)',
  rfc3797: 'RFC 3797 逐个抽取',
};

/** What each algorithm does, in words a plan's author and a reader of the announcement understand. */
export const ALGORITHM_HELP: Readonly<Record<Algorithm, string>> = {
  vrs:
    '用开奖号码和一次性码算出密钥,为每个检查对象按其统一社会信用代码算出一个排序位置,每类取位置最靠前的若干个。' +
    '每个对象的位置只取决于它自己,名录中增减其他对象不影响其余对象的先后。',
  rfc3797: '按 IETF RFC 3797 的方法,由开奖号码逐个计算出被抽中的序号(与国际上公开抽签的通行做法一致)。',
};

/** 「张明(64020…)、李娜(…)」 */
export const teamText = (team: readonly TeamMember[]): string => team.map((m) => m.name || m.certificateNo).join('、') || '—';

/**
 * Numbers as people copy them from a lottery page — separated by spaces, commas (either width), 、 or line
 * breaks, with leading zeros (「03」) — as the draw reads them: 「3」.
 */
export function splitNumbers(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => (/^\d+$/.test(t) ? t.replace(/^0+(?=\d)/, '') : t));
}
