import type { BatchState, Category, EntryState } from './categories.js';

// What the API returns. Pure types: the console imports them, so they cannot drift.

/** The fields 第六条 of 人社部令第29号 requires a published entry to show. */
export interface NoticeFields {
  /** 违法主体全称 */
  subjectName: string;
  /** 统一社会信用代码(或注册号) */
  creditCode: string;
  address: string;
  /** 法定代表人或者负责人姓名 */
  responsiblePerson: string;
  /** 主要违法事实 */
  facts: string;
  /** 相关处理情况 */
  handling: string;
}

export interface EntryView extends NoticeFields {
  id: string;
  caseId: string;
  caseNo: string;
  unitId: string;
  decidedOn: string;
  /** The quarter the decision falls in: the quarterly list it belongs to. */
  year: number;
  quarter: number;
  category: Category | null;
  categoryLabel: string | null;
  state: EntryState;
  excludedReason: string | null;
  batch: { id: string; year: number; quarter: number; state: BatchState } | null;
  removedReason: string | null;
  removedAt: string | null;
  /** False once the entry is on a published list: only removal (with a reason) is then possible. */
  editable: boolean;
  updatedAt: string;
}

export interface BatchSummary {
  id: string;
  year: number;
  quarter: number;
  /** 2026 年第三季度 */
  label: string;
  state: BatchState;
  /** When the list should be public (quarter end + the configured number of days). */
  dueOn: string;
  /** Not yet published and past its due date. */
  overdue: boolean;
  entryCount: number;
  removedCount: number;
  compiledAt: string;
  publishedAt: string | null;
  listSha256: string | null;
  ledgerIndex: number | null;
}

export interface BatchView extends BatchSummary {
  /** The entries of the caller's unit scope. */
  entries: EntryView[];
}

/** A row of a published list; a removed one keeps its number and the subject's name, with the note. */
export interface PublicNoticeEntry extends NoticeFields {
  no: number;
  category: Category;
  categoryLabel: string;
  decidedOn: string;
  removed: { reason: string; removedAt: string } | null;
}

export interface PublicNoticeBatch {
  year: number;
  quarter: number;
  label: string;
  publishedAt: string;
  entryCount: number;
  removedCount: number;
  listSha256: string;
  ledgerIndex: number;
}

export interface PublicNoticeList extends PublicNoticeBatch {
  entries: PublicNoticeEntry[];
}
