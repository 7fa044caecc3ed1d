// The indicators of the supervision dashboards (统计分析) and how each is counted: one definition read by
// the server (figures, weak spots, the workbook's 说明) and by the console (labels, tooltips). Pure.

/** A share with what it was computed from, so a reader can check it (rate is null when nothing was counted). */
export interface Rate {
  numerator: number;
  denominator: number;
  rate: number | null;
}

export const rateOf = (numerator: number, denominator: number): Rate => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000,
});

/** Mean of a sum over a count, one decimal; null when nothing was counted. */
export const meanOf = (sum: number, count: number): number | null => (count === 0 ? null : Math.round((sum / count) * 10) / 10);

/** The rates the weak-spot list ranks units and 执法事项 by (higher is worse). */
export const RANKED_INDICATORS = ['overdue', 'decisionLate', 'avException', 'reviewReturned', 'publicationLate'] as const;
export type RankedIndicator = (typeof RANKED_INDICATORS)[number];

export interface IndicatorDefinition {
  readonly label: string;
  /** What is counted above and below the line. */
  readonly numerator: string;
  readonly denominator: string;
}

export const INDICATORS: Readonly<Record<RankedIndicator | 'avMissingCases' | 'publicationOnTime', IndicatorDefinition>> = {
  overdue: {
    label: '在办案件逾期率',
    numerator: '期间内受理登记、尚未结案且最近一个办案期限(不含当事人的陈述申辩、听证申请、催告答复期)已过的案件',
    denominator: '期间内受理登记、尚未结案的案件',
  },
  decisionLate: {
    label: '决定超期率',
    numerator: '期间内作出决定的一般程序案件中,自立案之日起超过 90 日作出决定的',
    denominator: '期间内作出决定的一般程序(已立案)案件',
  },
  avException: {
    label: '音像记录例外率',
    numerator: '期间内按执法事项环节办理、未附录音录像而经负责人批准例外通过的步骤',
    denominator: '期间内按执法事项环节办理、经音像记录事项清单核验的步骤',
  },
  avMissingCases: {
    label: '缺少音像记录的案件占比',
    numerator: '期间内至少有一个步骤未附录音录像、经批准例外通过的案件',
    denominator: '期间内有经音像记录事项清单核验步骤的案件',
  },
  reviewReturned: {
    label: '法制审核退回率',
    numerator: '期间内提交的审核轮次中,结论为「存在问题」或「建议修改后提交」的',
    denominator: '期间内提交且已出具审核意见的审核轮次',
  },
  publicationLate: {
    label: '公开不及时率',
    numerator: '期间内作出的决定中,超过公开期限才公开的,以及已过期限仍未公开的(不予公开的除外)',
    denominator: '期间内作出的决定中,已公开的和已过期限仍未公开的(不予公开的除外)',
  },
  publicationOnTime: {
    label: '按期公开率',
    numerator: '期间内作出的决定中,在公开期限(7 或 20 个工作日)内首次公开的',
    denominator: '期间内作出的决定中,已公开的和已过期限仍未公开的(不予公开的除外)',
  },
};

/** Decision durations of 一般程序 cases, from filing to decision (the limit is 90 days). */
export const DURATION_BUCKETS = ['30 日以内', '31–60 日', '61–90 日', '超过 90 日'] as const;

export const PROCEDURE_LABELS: Readonly<Record<string, string>> = { general: '一般程序', simple: '简易程序', inspection: '行政检查' };

export const PUBLICATION_OUTCOMES = [
  { key: 'onTime', label: '按期公开' },
  { key: 'late', label: '逾期公开' },
  { key: 'overdue', label: '逾期未公开' },
  { key: 'pending', label: '未到期限' },
  { key: 'blocked', label: '不予公开' },
] as const;

/** Percent with one decimal, or 「—」 when nothing was counted (the console and the workbook say the same). */
export const percentText = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
