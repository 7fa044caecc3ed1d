import type { Algorithm } from '../../platform/draw/draw.js';

// The vocabulary of 双随机、一公开 (domain research E1–E8, §4).

export const ITEM_KINDS = ['一般检查事项', '重点检查事项'] as const;
export const RISK_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];
export const RISK_LABELS: Readonly<Record<RiskClass, string>> = {
  A: 'A 类(守信、低风险)',
  B: 'B 类(一般风险)',
  C: 'C 类(较高风险)',
  D: 'D 类(失信、高风险)',
};
/** The stratum of a plan drawn at one rate for all risk classes. */
export const ALL = '全部';

/** Results as published on 国家企业信用信息公示系统 (E8), plus 立案查处 when a penalty case was opened. */
export const RESULT_KINDS = [
  '未发现问题',
  '发现问题已责令改正',
  '发现问题待后续处理',
  '立案查处',
  '未发现开展本次抽查涉及的经营活动',
  '通过登记的住所(经营场所)无法联系',
  '不配合检查情节严重',
] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

/** 20 working days from the end of the inspection to the public result (国发〔2019〕5号 practice, E6). */
export const RESULT_PUBLICATION_WORKING_DAYS = 20;
/** At least 5 % of the population a year unless a law says otherwise (E4). */
export const MIN_YEARLY_PERCENT = 5;

/** 随机抽查事项清单 fields (E2). */
export interface ItemData {
  /** 抽查类别 */
  category: string;
  /** 抽查事项 */
  name: string;
  /** 检查对象 */
  target: string;
  /** 事项类别 */
  kind: (typeof ITEM_KINDS)[number];
  /** 检查依据 */
  basis: string;
  /** 抽查内容 */
  content: string;
  /** 检查方式 */
  method: string;
  /** 抽查比例 (percent of the population a year) */
  percent: number;
  /** 抽查频次 */
  frequency: string;
  /** 实施层级 */
  level: string;
  /** 执法类别 the inspectors must hold (matches the officers' 执法类别). */
  field: string;
}

export interface PlanSource {
  /** 「双色球第2026139期开奖号码(红球)」 */
  name: string;
  /** Where and when it is published, how its numbers are read. */
  description: string;
  /** The values, entered after publication (decimal integers). */
  values: string[] | null;
}

export interface PlanData {
  description: string;
  /** The items inspected at each visit (进一次门、查多项事), as in force when the plan was made. */
  items: { code: string; versionNo: number; name: string }[];
  /** Population filter; an empty list means any. */
  filter: { regions: string[]; industries: string[]; riskClasses: RiskClass[] };
  /** percent or count; one value for all (key 全部) or one per risk class (risk-tiered rates). */
  sampling: { mode: 'percent' | 'count'; values: Record<string, number> };
  teamSize: number;
  maxTasksPerInspector: number | null;
  field: string;
  algorithm: Algorithm;
  sources: PlanSource[];
  /** The day the draw may be run (after every source is published). */
  drawOn: string;
  /** When inspections are to take place. */
  inspectFrom: string;
  inspectTo: string;
  /** Whether the commitment came from the operator (the code is entered at the draw) or the platform. */
  externalCode: boolean;
  /** Frozen at the announcement. */
  announcement?: Announcement;
  /** Counted at the draw. */
  drawSummary?: { recusals: number; unfilled: number };
  /** Why the plan was cancelled. */
  cancelReason?: string;
}

export interface Announcement {
  quotas: { stratum: string; size: number; count: number }[];
  inspectors: TeamMember[];
  inspectorsSha256: string;
  conflictCount: number;
  conflictsSha256: string;
}

export const PLAN_STATES = ['draft', 'announced', 'drawn', 'cancelled'] as const;
export type PlanState = (typeof PLAN_STATES)[number];
export const PLAN_STATE_LABELS: Readonly<Record<PlanState, string>> = {
  draft: '草稿',
  announced: '已公告(待抽取)',
  drawn: '已抽取',
  cancelled: '已取消',
};

export const TASK_STATES = ['assigned', 'inspected', 'published'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TASK_STATE_LABELS: Readonly<Record<TaskState, string>> = {
  assigned: '待检查',
  inspected: '已检查(待公示)',
  published: '结果已公示',
};

export interface TeamMember {
  officerId: string;
  name: string;
  certificateNo: string;
}
