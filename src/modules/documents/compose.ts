import { type Block, type DocContent, para } from './content.js';
import type { DocumentData } from './data.js';
import { assertComplete, type FieldRequirement, missingFields } from './fields.js';
import { TEMPLATES } from './templates/index.js';
import { type DocumentType, documentType } from './types.js';
import { dateText, v } from './wording.js';

/** The document a correction replaces, as the new one cites it. */
export interface CorrectionOf {
  readonly title: string;
  /** The original's 文号 (a correction keeps it), or null for unnumbered types. */
  readonly number: string | null;
  /** The original's 成文日期 (`YYYY-MM-DD`). */
  readonly date: string;
  readonly version: number;
}

export interface ComposeOptions {
  /** The 文号 to print; null for unnumbered types or a preview (a placeholder is shown then). */
  readonly number?: string | null;
  readonly correction?: CorrectionOf;
}

/** Printed in a preview where the 文号 will be. */
export const NUMBER_PLACEHOLDER = '〔文号签发时生成〕';

/** 本文书更正…: the first paragraph of a corrected document, citing the one it replaces. */
export function correctionText(c: CorrectionOf): string {
  const which = c.number ? `${c.number}《${c.title}》` : `《${c.title}》`;
  return `本文书更正${dateText(c.date)}作出的${which}（第${c.version}版），原文书同时作废。`;
}

/** The content both renderers draw, with missing values as blanks (no checks: see `checkedContent`). */
export function composeDocument(type: DocumentType, data: DocumentData, options: ComposeOptions = {}): DocContent {
  const def = documentType(type);
  const blocks: Block[] = [];
  if (options.correction) blocks.push(para(correctionText(options.correction), { bold: true }));
  blocks.push(...TEMPLATES[type].build(data));
  return {
    agency: v(data.agencyName),
    title: def.title,
    number: def.numbered ? (options.number ?? NUMBER_PLACEHOLDER) : null,
    blocks,
  };
}

/** Refuses data with an empty required field (`document_data_incomplete`) or a malformed date. */
export function assertIssuable(type: DocumentType, data: DocumentData): void {
  assertComplete(documentType(type).title, data, TEMPLATES[type].required);
}

/** The content, after `assertIssuable`. */
export function checkedContent(type: DocumentType, data: DocumentData, options: ComposeOptions = {}): DocContent {
  assertIssuable(type, data);
  return composeDocument(type, data, options);
}

/** The Chinese names of the required fields that are still empty (for previews). */
export function missingLabels(type: DocumentType, data: DocumentData): string[] {
  return missingFields(data, TEMPLATES[type].required).map((m) => m.label);
}

/** What a template needs, for the console's forms: required fields and the `extra` keys it reads. */
export function templateFields(type: DocumentType): { required: { path: string; label: string }[]; extraKeys: Record<string, string> } {
  const t = TEMPLATES[type];
  const seen = new Set<string>();
  const required = t.required
    .filter((r: FieldRequirement) => !seen.has(r.label) && seen.add(r.label))
    .map((r) => ({ path: r.path, label: r.label }));
  return { required, extraKeys: { ...t.extraKeys } };
}
