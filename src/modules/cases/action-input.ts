import type { Penalty } from './case-data.js';

/** What a person submits with an action; each action reads the fields it needs (schemas.ts documents them). */
export interface ActionInput {
  /** The day the step was done (YYYY-MM-DD, Beijing); deadlines count from it. */
  performedOn: string;
  /** The text record: what was done, found or decided, or why. */
  note: string;
  officerIds?: string[];
  evidenceIds?: string[];
  /** The 执法事项 step this action performs, for the AV list (defaults per action). */
  itemStep?: string;
  /** Passing the audio/video gate without a recording: the approver's written reason. */
  avException?: { reason: string };
  penalty?: Penalty;
  benchmark?: { code: string; tierNo: number; departureReason: string };
  service?: {
    method: string;
    recipient: string;
    /** The issued document served; defaults to the case's latest one of the kind the step serves. */
    documentId?: string;
    /** 电子送达: the evidence holding the party's signed consent (送达地址确认书). */
    consentEvidenceId?: string;
  };
  /** 拟定事先告知: the penalty is in the hearing scope (较大数额罚款 by the provincial standard…). */
  hearingOffered?: boolean;
  /** 陈述申辩: the 复核 of what the party said (the note holds the statement). */
  statementReview?: { adopted: boolean; opinion: string };
  /** 先行登记保存: the things preserved (物品清单); 处理决定: see note. */
  preservedItems?: string;
  /** 延期/分期缴纳: the approved schedule (one installment for 延期). */
  installments?: { dueOn: string; amountYuan: number }[];
  /** The party waived 陈述申辩 and 听证 in writing (a decision may then follow at once). */
  rightsWaived?: boolean;
  hearingNoticeOn?: string;
  presiderOfficerId?: string;
  /** 集体讨论 held before the decision. */
  collective?: boolean;
  /** 登记决定被撤销、变更或确认违法、无效: what happened to the decision and by whose instrument (the note is the reason). */
  revocation?: { kind: string; authority: string; instrument: string };
  /** A unit head marks the case for 法制审核 (the full determination comes with the legal-review module). */
  reviewRequired?: boolean;
}

/** The AV-list step each action performs unless the request names another. */
export const DEFAULT_ITEM_STEPS: Readonly<Record<string, string>> = {
  investigate: '调查取证',
  inspect: '现场检查',
  serve_notice: '送达',
  serve_decision: '送达',
  hold_hearing: '听证',
  on_the_spot: '当场处罚',
  preserve_evidence: '先行登记保存',
};

/** Where an item lists no step of the action's own name: 先行登记保存 is part of 调查取证 (e.g. AV lists). */
export const FALLBACK_ITEM_STEPS: Readonly<Record<string, string>> = {
  preserve_evidence: '调查取证',
  inspect: '实施检查',
};
