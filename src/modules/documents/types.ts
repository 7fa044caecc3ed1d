/**
 * The standard 执法文书 the platform issues. Codes are stable (stored in `documents.type` and in the
 * number counters); titles are what the document shows. Outgoing 书/通知书 carry a 文号
 * `{prefix}{abbr}〔{year}〕{n}号`; internal 表, 笔录 and the 送达回证 do not.
 */
export const DOCUMENT_TYPES = [
  { code: 'filing_approval', title: '立案审批表', numbered: false, abbr: null, layout: 'form' },
  { code: 'inquiry_notice', title: '调查询问通知书', numbered: true, abbr: '询', layout: 'letter' },
  { code: 'inquiry_record', title: '询问笔录', numbered: false, abbr: null, layout: 'record' },
  { code: 'inspection_record', title: '现场检查笔录', numbered: false, abbr: null, layout: 'record' },
  { code: 'evidence_preservation_notice', title: '先行登记保存证据通知书', numbered: true, abbr: '保', layout: 'letter' },
  { code: 'rectification_order', title: '限期改正指令书', numbered: true, abbr: '改', layout: 'letter' },
  { code: 'penalty_prior_notice', title: '行政处罚事先告知书', numbered: true, abbr: '告', layout: 'letter' },
  { code: 'hearing_notice', title: '行政处罚听证告知书', numbered: true, abbr: '听', layout: 'letter' },
  { code: 'hearing_record', title: '听证笔录', numbered: false, abbr: null, layout: 'record' },
  { code: 'penalty_decision', title: '行政处罚决定书', numbered: true, abbr: '罚', layout: 'letter' },
  { code: 'handling_decision', title: '行政处理决定书', numbered: true, abbr: '处', layout: 'letter' },
  { code: 'on_the_spot_decision', title: '当场行政处罚决定书', numbered: true, abbr: '当罚', layout: 'letter' },
  { code: 'service_receipt', title: '送达回证', numbered: false, abbr: null, layout: 'form' },
  { code: 'payment_reminder', title: '催告书', numbered: true, abbr: '催', layout: 'letter' },
  { code: 'case_transfer', title: '案件移送书', numbered: true, abbr: '移', layout: 'letter' },
  { code: 'closing_approval', title: '结案审批表', numbered: false, abbr: null, layout: 'form' },
  { code: 'review_opinion', title: '重大行政执法决定法制审核意见书', numbered: true, abbr: '审', layout: 'letter' },
] as const satisfies readonly DocumentTypeDef[];

export interface DocumentTypeDef {
  /** Stable snake_case code. */
  readonly code: string;
  /** 文书名称 as printed. */
  readonly title: string;
  /** Whether an issued document gets a 文号. */
  readonly numbered: boolean;
  /** 文号 type abbreviation (e.g. 罚 in 石人社监罚〔2026〕12号); null when not numbered. */
  readonly abbr: string | null;
  /** letter: addressed text with 落款; form: an approval/receipt table; record: a 笔录 (header table + text). */
  readonly layout: 'letter' | 'form' | 'record';
}

export type DocumentType = (typeof DOCUMENT_TYPES)[number]['code'];

export const DOCUMENT_TYPE_CODES: readonly DocumentType[] = DOCUMENT_TYPES.map((t) => t.code);

export function isDocumentType(value: string): value is DocumentType {
  return DOCUMENT_TYPE_CODES.some((code) => code === value);
}

export function documentType(code: DocumentType): DocumentTypeDef {
  const found = DOCUMENT_TYPES.find((t) => t.code === code);
  if (!found) throw new Error(`unknown document type ${code}`);
  return found;
}
