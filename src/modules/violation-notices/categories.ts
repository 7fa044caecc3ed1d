// The vocabulary of the 重大劳动保障违法行为社会公布 list (人社部令第29号《重大劳动保障违法行为社会公布办法》,
// in force 2017-01-01). Pure: the console imports it too. The articles cited in this module were checked
// against the rule's text as reported at its release (news.cn / hsnewjordan.com/zczx/23836.html, 2016-09;
// cochicon.com/1141.html; global-regulation.com translation): 第五条 categories and 已作出处理决定, 第六条
// the listed fields and 不得公布 secrets and privacy, 第八条 quarterly/half-yearly and 随时公布, 第九条 the
// 守法诚信档案. The rule says nothing on removal or on a day within the quarter.

/**
 * 第五条: the violations that, once investigated and decided (已经依法查处并作出处理决定), must be published.
 * Item (一) covers two cases (wages withheld in large amounts; 拒不支付 referred for prosecution), kept
 * apart here because the public reads them differently. Any 童工 case qualifies, with no 情节严重 threshold.
 */
export const CATEGORIES = [
  'wage_arrears',
  'wage_refusal_prosecuted',
  'social_insurance',
  'working_hours',
  'special_protection',
  'child_labour',
  'social_impact',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  wage_arrears: '克扣、无故拖欠劳动者劳动报酬,数额较大',
  wage_refusal_prosecuted: '拒不支付劳动报酬,依法移送司法机关追究刑事责任',
  social_insurance: '不依法参加社会保险或者不依法缴纳社会保险费,情节严重',
  working_hours: '违反工作时间和休息休假规定,情节严重',
  special_protection: '违反女职工和未成年工特殊劳动保护规定,情节严重',
  child_labour: '违反禁止使用童工规定',
  social_impact: '因劳动保障违法行为造成严重不良社会影响',
  other: '其他重大劳动保障违法行为',
};

export const isCategory = (value: string): value is Category => (CATEGORIES as readonly string[]).includes(value);

/**
 * An entry: `candidate` (derived from a decided case, waiting for a person), `included` (category
 * marked, fields confirmed), `excluded` (not a 重大 violation, with the reason), `removed` (taken off a
 * published list later, with the reason; the portal keeps a note in its place).
 */
export const ENTRY_STATES = ['candidate', 'included', 'excluded', 'removed'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

export const ENTRY_STATE_LABELS: Readonly<Record<EntryState, string>> = {
  candidate: '待确认',
  included: '已纳入',
  excluded: '不予纳入',
  removed: '已撤下',
};

export const BATCH_STATES = ['draft', 'published'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

export const BATCH_STATE_LABELS: Readonly<Record<BatchState, string>> = { draft: '待发布', published: '已公布' };

/** The first year the rule applies (施行日期 2017-01-01). */
export const FIRST_YEAR = 2017;

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day (YYYY-MM-DD) of a quarter. */
export function quarterRange(year: number, quarter: number): { start: string; end: string } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { start: `${year}-${pad(firstMonth)}-01`, end: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** The quarter a legal date (YYYY-MM-DD) falls in. */
export function quarterOf(date: string): { year: number; quarter: number } {
  return { year: Number(date.slice(0, 4)), quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1 };
}

export const quarterLabel = (year: number, quarter: number): string => `${year} 年第${'一二三四'[quarter - 1] ?? quarter}季度`;
