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
  service?: { method: string; recipient: string };
  /** The party waived 陈述申辩 and 听证 in writing (a decision may then follow at once). */
  rightsWaived?: boolean;
  hearingNoticeOn?: string;
  presiderOfficerId?: string;
  /** 集体讨论 held before the decision. */
  collective?: boolean;
  /** A unit head marks the case for 法制审核 (the full determination comes with the legal-review module). */
  reviewRequired?: boolean;
}

/** The AV-list step each action performs unless the request names another. */
export const DEFAULT_ITEM_STEPS: Readonly<Record<string, string>> = {
  investigate: '调查取证',
  serve_notice: '送达',
  serve_decision: '送达',
  hold_hearing: '听证',
  on_the_spot: '当场处罚',
};
