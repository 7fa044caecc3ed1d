import { createHash } from 'node:crypto';
import { type Finding, findPii, maskName, type PiiOptions } from '../../platform/pii/index.js';
import type { DocumentData, IssuedDocumentRef } from '../documents/index.js';
import { minorReason } from './publication-data.js';

// What a draft shows the person who publishes it: the decision's full text, the statutory 摘要 and the
// personal information found in the text. Pure: the caller reads the document.

/** The 摘要 published before the full text (plan §4, domain research A7). */
export interface PublicationSummary {
  /** 决定书文号. */
  readonly documentNumber: string | null;
  /** 文书名称, e.g. 行政处罚决定书. */
  readonly documentTitle: string;
  /** 当事人: an organisation by its name, a natural person as 张某某. */
  readonly party: string;
  /** 违法行为类型: the 执法事项 the case was handled under, else the case title. */
  readonly violation: string;
  /** 处罚内容 (for a 行政处理决定书: the decision's orders). */
  readonly penalty: string;
  /** 作出决定的机关. */
  readonly agency: string;
  /** 决定日期 (the document's 成文日期). */
  readonly decidedOn: string;
}

export interface DraftContent {
  /** The full text as issued (not redacted). */
  readonly text: string;
  /** SHA-256 of `text`: a publish request may name it to make sure the offsets it sends still apply. */
  readonly textSha256: string;
  readonly summary: PublicationSummary;
  /** Personal information found in `text`; those with keep: true are public and left in by default. */
  readonly findings: readonly Finding[];
  /** Set when the decision must not be published (a minor party). */
  readonly blockedReason: string | null;
}

export const sha256Text = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const naturalName = (data: DocumentData): string | undefined =>
  data.party?.kind === 'natural' && data.party.name?.trim() ? data.party.name.trim() : undefined;

function partyShown(data: DocumentData): string {
  const name = naturalName(data);
  return name ? maskName(name, 'surname', 'party') : (data.party?.name?.trim() ?? '');
}

/** 警告、罚款 800 元; the orders of a handling decision; else what the decision says besides. */
function decisionContent(data: DocumentData): string {
  const types = data.penalty?.types ?? [];
  const amount = data.penalty?.amountYuan;
  if (types.length > 0) return types.map((t) => (t === '罚款' && amount !== undefined ? `罚款 ${amount} 元` : t)).join('、');
  if (data.orders && data.orders.length > 0) return data.orders.join(';');
  return data.penalty?.other?.trim() ?? '';
}

export function summaryOf(document: IssuedDocumentRef, data: DocumentData): PublicationSummary {
  const name = naturalName(data);
  const title = data.case?.title?.trim() ?? '';
  return {
    documentNumber: document.number,
    documentTitle: document.title,
    party: partyShown(data),
    // A case title may carry a natural person's name (李四拖欠工资案): shown as the summary shows the party.
    violation: data.item?.name?.trim() || (name ? title.replaceAll(name, partyShown(data)) : title),
    penalty: decisionContent(data),
    agency: data.agencyName?.trim() ?? '',
    decidedOn: document.documentDate,
  };
}

/**
 * What the recognizers are told: a natural-person party's name (shown 张某某), an organisation's own
 * address as public, and the agency's fine-collection account and telephone as public.
 */
export function piiOptionsOf(data: DocumentData): PiiOptions {
  const name = naturalName(data);
  const organization = name === undefined ? data.party?.name?.trim() : undefined;
  const keep = [data.payment?.account, data.contact?.phone].flatMap((s) => (s?.trim() ? [s.trim()] : []));
  return { parties: name ? [name] : [], names: [], keep, keepAddressesOf: organization ? [organization] : [] };
}

export function draftContent(source: { document: IssuedDocumentRef; data: DocumentData; text: string }): DraftContent {
  const { document, data, text } = source;
  return {
    text,
    textSha256: sha256Text(text),
    summary: summaryOf(document, data),
    findings: findPii(text, piiOptionsOf(data)),
    blockedReason: minorReason(data.party, document.documentDate),
  };
}
