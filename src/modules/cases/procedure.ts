// The procedure as a state machine: which actions each stage allows and where they lead. 一般程序 per
// 行政处罚法 and 劳动保障监察条例 (domain research §3.4), plus 简易程序 (当场处罚) and 不予受理/撤销立案.

import { type CaseData, decisionStands } from './case-data.js';

export const STAGES = [
  'registered',
  'accepted',
  'not_accepted',
  'investigating',
  'investigated',
  'notified',
  'notice_served',
  'hearing_requested',
  'heard',
  'decided',
  'decision_served',
  'enforcement_applied',
  'executed',
  'closed',
  'cancelled',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  registered: '案源登记',
  accepted: '已受理',
  not_accepted: '不予受理',
  investigating: '调查取证',
  investigated: '调查终结',
  notified: '已拟事先告知',
  notice_served: '已告知(陈述申辩期)',
  hearing_requested: '已申请听证',
  heard: '已听证',
  decided: '已决定',
  decision_served: '已送达决定',
  enforcement_applied: '已申请强制执行',
  executed: '已执行',
  closed: '已结案',
  cancelled: '已撤销立案',
};

export const ACTIONS = [
  'accept',
  'not_accept',
  'file',
  'investigate',
  'inspect',
  'conclude_inspection',
  'preserve_evidence',
  'dispose_preserved',
  'extend_investigation',
  'cancel',
  'end_investigation',
  'notify',
  'serve_notice',
  'statement',
  'request_hearing',
  'hold_hearing',
  'decide',
  'on_the_spot',
  'serve_decision',
  'defer_payment',
  'urge',
  'apply_enforcement',
  'close',
  'revoke_decision',
] as const;
export type Action = (typeof ACTIONS)[number];

interface ActionRule {
  readonly label: string;
  readonly from: readonly Stage[];
  /** Where the action leads; `same` keeps the stage (a repeated step such as another inquiry). */
  readonly to: Stage | 'same';
  /** Approvals (立案、延期、撤销、决定、结案) are the unit head's or a leader's; the rest an officer's. */
  readonly approval: boolean;
  /** The procedures the action belongs to. */
  readonly procedures: readonly Procedure[];
  /** What the case must hold for the action to make sense at all (a disposal needs a preservation…). */
  readonly when?: (data: CaseData) => boolean;
}

/** 一般程序, 简易程序, and 行政检查 (a 双随机 inspection: 现场检查 then 检查结论, no decision). */
export const PROCEDURES = ['general', 'simple', 'inspection'] as const;
export type Procedure = (typeof PROCEDURES)[number];
const GENERAL: readonly Procedure[] = ['general'];
const INSPECTION: readonly Procedure[] = ['inspection'];
const BOTH: readonly Procedure[] = ['general', 'simple'];

export const ACTION_RULES: Readonly<Record<Action, ActionRule>> = {
  accept: { label: '受理', from: ['registered'], to: 'accepted', approval: false, procedures: GENERAL },
  not_accept: { label: '不予受理', from: ['registered'], to: 'not_accepted', approval: true, procedures: BOTH },
  file: { label: '立案审批', from: ['accepted'], to: 'investigating', approval: true, procedures: GENERAL },
  investigate: { label: '调查取证', from: ['investigating'], to: 'same', approval: false, procedures: GENERAL },
  inspect: { label: '现场检查', from: ['registered', 'investigating'], to: 'investigating', approval: false, procedures: INSPECTION },
  conclude_inspection: { label: '检查结论', from: ['investigating'], to: 'closed', approval: false, procedures: INSPECTION },
  extend_investigation: { label: '延长调查期限', from: ['investigating'], to: 'same', approval: true, procedures: GENERAL },
  cancel: { label: '撤销立案', from: ['investigating', 'investigated'], to: 'cancelled', approval: true, procedures: GENERAL },
  end_investigation: { label: '调查终结', from: ['investigating'], to: 'investigated', approval: false, procedures: GENERAL },
  preserve_evidence: { label: '先行登记保存', from: ['investigating'], to: 'same', approval: true, procedures: GENERAL },
  dispose_preserved: {
    label: '先行登记保存处理决定',
    from: ['investigating', 'investigated'],
    to: 'same',
    approval: true,
    procedures: GENERAL,
    when: (d) => (d.preservations ?? []).some((p) => p.disposedOn === null),
  },
  notify: { label: '拟定事先告知', from: ['investigated'], to: 'notified', approval: true, procedures: GENERAL },
  serve_notice: { label: '送达事先告知书', from: ['notified'], to: 'notice_served', approval: false, procedures: GENERAL },
  statement: { label: '陈述申辩及复核', from: ['notice_served', 'hearing_requested'], to: 'same', approval: false, procedures: GENERAL },
  request_hearing: { label: '当事人申请听证', from: ['notice_served'], to: 'hearing_requested', approval: false, procedures: GENERAL },
  hold_hearing: { label: '举行听证', from: ['hearing_requested'], to: 'heard', approval: false, procedures: GENERAL },
  decide: { label: '作出决定', from: ['notice_served', 'heard'], to: 'decided', approval: true, procedures: GENERAL },
  on_the_spot: { label: '当场处罚(简易程序)', from: ['registered'], to: 'decided', approval: false, procedures: ['simple'] },
  serve_decision: { label: '送达决定书', from: ['decided'], to: 'decision_served', approval: false, procedures: BOTH },
  defer_payment: {
    label: '延期(分期)缴纳审批',
    from: ['decision_served'],
    to: 'same',
    approval: true,
    procedures: BOTH,
    when: (d) => (d.decision?.penalty.fineYuan ?? 0) > 0 && decisionStands(d),
  },
  urge: {
    label: '催告',
    from: ['decision_served'],
    to: 'same',
    approval: false,
    procedures: BOTH,
    when: (d) => (d.decision?.penalty.fineYuan ?? 0) > 0 && decisionStands(d),
  },
  apply_enforcement: {
    label: '申请法院强制执行',
    from: ['decision_served'],
    to: 'enforcement_applied',
    approval: true,
    procedures: BOTH,
    when: (d) => (d.urges ?? []).length > 0 && decisionStands(d),
  },
  close: {
    label: '结案审批',
    from: ['decision_served', 'executed', 'enforcement_applied', 'not_accepted', 'cancelled'],
    to: 'closed',
    approval: true,
    procedures: BOTH,
  },
  revoke_decision: {
    label: '登记决定被撤销、变更或确认违法、无效',
    from: ['decided', 'decision_served', 'enforcement_applied', 'executed', 'closed'],
    to: 'same',
    approval: true,
    procedures: BOTH,
    when: (d) => d.decision !== null && !d.revocation,
  },
};

export const isStage = (value: string): value is Stage => STAGES.some((s) => s === value);

/** The actions a case in `stage` allows, in procedure order. */
export function allowedActions(stage: string, procedure: string, data: CaseData): Action[] {
  return ACTIONS.filter((a) => {
    const rule = ACTION_RULES[a];
    return rule.from.some((s) => s === stage) && rule.procedures.some((p) => p === procedure) && (rule.when?.(data) ?? true);
  });
}

export const SOURCES = ['投诉', '举报', '双随机', '日常巡查', '移送', '其他'] as const;
/** Complaints and reports must be accepted or refused within 5 working days (劳动保障监察条例 §14 practice). */
export const SOURCES_WITH_ACCEPTANCE_LIMIT: readonly string[] = ['投诉', '举报'];
