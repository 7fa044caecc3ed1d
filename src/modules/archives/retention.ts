// 保管期限 (国家档案局令第8号: 永久 / 定期30年 / 定期10年) of a case file by a 保管期限表, and the rules of
// evidence retention (tech-anchors §3, after Axon's): with several applicable rules the longest wins;
// evidence of an open case or of a case file still in retention is never disposed of; a legal hold stops
// any disposal; audio/video not attached to any case is kept at least 6 months (domain research B7).
// Pure: the archives module applies it to case files and evidence.

export const RETENTION_CLASSES = ['permanent', '30y', '10y'] as const;
export type RetentionClass = (typeof RETENTION_CLASSES)[number];
export const RETENTION_LABELS: Readonly<Record<RetentionClass, string>> = { permanent: '永久', '30y': '30年', '10y': '10年' };
const YEARS: Readonly<Record<RetentionClass, number>> = { permanent: Number.POSITIVE_INFINITY, '30y': 30, '10y': 10 };

/** What a rule of the 保管期限表 looks at in a closed case. */
export interface CaseFileFacts {
  /** general | simple | inspection */
  readonly procedure: string;
  /** 执法事项 category: 行政处罚, 行政检查 … */
  readonly category: string;
  /** A decision was made and stands (not revoked or void). */
  readonly decided: boolean;
  /** The decision went through 法制审核 (重大执法决定). */
  readonly major: boolean;
  /** A hearing was held. */
  readonly heard: boolean;
  /** YYYY-MM-DD */
  readonly closedOn: string;
}

/** One line of the 保管期限表: when it applies, the class, and the basis a person reads. */
export interface ScheduleRule {
  readonly when: Partial<Pick<CaseFileFacts, 'procedure' | 'category' | 'decided' | 'major' | 'heard'>>;
  readonly retention: RetentionClass;
  readonly basis: string;
}

/**
 * The default 保管期限表: an agency replaces it with its own, approved by the 同级档案部门 (8号令 §12).
 * The last line applies to every case, so each file has a class.
 */
export const DEFAULT_SCHEDULE: readonly ScheduleRule[] = [
  { when: { major: true }, retention: 'permanent', basis: '重大行政执法决定案卷' },
  { when: { heard: true }, retention: 'permanent', basis: '经听证的行政处罚案卷' },
  { when: { procedure: 'general', decided: true }, retention: '30y', basis: '一般程序作出处罚决定的案卷' },
  { when: { procedure: 'general', decided: false }, retention: '10y', basis: '不予受理、撤销立案或不予处罚的案卷' },
  { when: { procedure: 'simple' }, retention: '10y', basis: '简易程序(当场处罚)案卷' },
  { when: { procedure: 'inspection' }, retention: '10y', basis: '行政检查(双随机抽查)案卷' },
  { when: {}, retention: '10y', basis: '其他执法案卷' },
];

export interface Retention {
  readonly retention: RetentionClass;
  /** The last day of retention (YYYY-MM-DD), null when permanent. */
  readonly until: string | null;
  /** Every rule that applied; the longest decided. */
  readonly bases: readonly string[];
}

const applies = (rule: ScheduleRule, facts: CaseFileFacts): boolean =>
  (Object.keys(rule.when) as (keyof ScheduleRule['when'])[]).every((k) => rule.when[k] === facts[k]);

/**
 * A case file's retention: every applicable rule, the longest class. Retention runs from the end of the
 * year the case was closed (档案 practice counts whole years from the year after filing), so it ends on
 * 31 December of closing year + N.
 */
export function retentionOf(facts: CaseFileFacts, schedule: readonly ScheduleRule[] = DEFAULT_SCHEDULE): Retention {
  const matched = schedule.filter((rule) => applies(rule, facts));
  if (matched.length === 0) throw new RangeError('the 保管期限表 has no rule for this case');
  const longest = matched.reduce((a, b) => (YEARS[b.retention] > YEARS[a.retention] ? b : a));
  const years = YEARS[longest.retention];
  const until = Number.isFinite(years) ? `${Number(facts.closedOn.slice(0, 4)) + years}-12-31` : null;
  return { retention: longest.retention, until, bases: matched.map((r) => r.basis) };
}

/** Audio/video not attached to any case: kept at least `months` (default 6) from its recording. */
export function looseAvUntil(recordedOn: string, months = 6): string {
  const [y, m, d] = recordedOn.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Why something may not be disposed of today (empty when it may). */
export function disposalRefusals(
  item: { readonly until: string | null; readonly caseOpen: boolean; readonly legalHold: string | null },
  today: string,
): string[] {
  const reasons: string[] = [];
  if (item.caseOpen) reasons.push('所属案件尚未办结,证据不得销毁');
  if (item.legalHold !== null) reasons.push(`已被冻结(${item.legalHold}),解除前不得销毁`);
  if (item.until === null) reasons.push('永久保管,不得销毁');
  else if (today <= item.until) reasons.push(`保管期限至 ${item.until},期满后方可销毁`);
  return reasons;
}
