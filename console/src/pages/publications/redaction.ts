import type { ConfirmedSpan, Finding, PiiKind } from '../../api/publications';

// The redaction editor's model, pure so that the preview the person sees is computed exactly as the
// spans that are sent: each recognizer finding and each span the person marked, confirmed or skipped.

export type SpanKind = PiiKind | 'manual';

export interface ReviewSpan {
  /** Stable within one editing session (findings by position, manual spans by a counter). */
  key: string;
  kind: SpanKind;
  start: number;
  end: number;
  /** The original text of the span (shown only to staff). */
  text: string;
  replacement: string;
  confirmed: boolean;
  /** Why the recognizer found it; the person's own marks have none. */
  reason: string | null;
  /** The recognizer considers it public (an organisation's address, the agency's account). */
  keep: boolean;
}

export const KIND_LABELS: Readonly<Record<SpanKind, string>> = {
  resident_id: '身份证号码',
  uscc: '统一社会信用代码',
  bank_card: '银行卡号',
  email: '电子邮箱',
  mobile: '手机号码',
  landline: '固定电话',
  address_detail: '详细地址',
  party_name: '当事人姓名',
  person_name: '自然人姓名',
  manual: '人工标记',
};

/** Light backgrounds, so that black text on them keeps its contrast; the border carries the kind when skipped. */
export const KIND_COLORS: Readonly<Record<SpanKind, { background: string; border: string }>> = {
  resident_id: { background: '#ffccc7', border: '#cf1322' },
  uscc: { background: '#d9f7be', border: '#389e0d' },
  bank_card: { background: '#ffe7ba', border: '#d46b08' },
  email: { background: '#d6e4ff', border: '#1d39c4' },
  mobile: { background: '#fff1b8', border: '#ad6800' },
  landline: { background: '#fff1b8', border: '#ad6800' },
  address_detail: { background: '#b5f5ec', border: '#08979c' },
  party_name: { background: '#efdbff', border: '#531dab' },
  person_name: { background: '#ffd6e7', border: '#c41d7f' },
  manual: { background: '#d9d9d9', border: '#434343' },
};

/** What a span the person marks shows by default. */
export const MANUAL_REPLACEMENT = '***';

/** The editor's starting point: every finding confirmed except what the recognizers consider public. */
export function spansFromFindings(findings: readonly Finding[]): ReviewSpan[] {
  return findings.map((f) => ({
    key: `f${f.start}-${f.end}`,
    kind: f.kind,
    start: f.start,
    end: f.end,
    text: f.text,
    replacement: f.replacement,
    confirmed: !f.keep,
    reason: f.reason,
    keep: f.keep,
  }));
}

export const byPosition = (a: ReviewSpan, b: ReviewSpan): number => a.start - b.start || a.end - b.end;

/**
 * A correction starts from what was confirmed for the version in force, when it was confirmed on this
 * same issued text: findings at the same place take its choice and replacement, the person's own marks
 * come back as marks; without that, from the recognizers' proposal.
 */
export function spansForCorrection(
  text: string,
  findings: readonly Finding[],
  saved: readonly { start: number; end: number; replacement: string }[],
): ReviewSpan[] {
  const byPlace = new Map(saved.map((c) => [`${c.start}-${c.end}`, c]));
  const fromFindings = spansFromFindings(findings).map((s) => {
    const kept = byPlace.get(`${s.start}-${s.end}`);
    return kept ? { ...s, confirmed: true, replacement: kept.replacement } : { ...s, confirmed: false };
  });
  const found = new Set(findings.map((f) => `${f.start}-${f.end}`));
  const manual = saved
    .filter((c) => !found.has(`${c.start}-${c.end}`))
    .map((c, i) => ({
      key: `s${i}`,
      kind: 'manual' as const,
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      replacement: c.replacement,
      confirmed: true,
      reason: null,
      keep: false,
    }));
  return [...fromFindings, ...manual].sort(byPosition);
}

/** The span already covering any of [start, end), if any: spans may not overlap. */
export function overlapping(spans: readonly ReviewSpan[], start: number, end: number): ReviewSpan | undefined {
  return spans.find((s) => s.start < end && start < s.end);
}

/** Leading and trailing white space is not part of what the person meant to mark. */
export function trimSelection(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text.charAt(s))) s++;
  while (e > s && /\s/u.test(text.charAt(e - 1))) e--;
  return s < e ? { start: s, end: e } : null;
}

/** Applied: confirmed, with a replacement that changes something (the server lists nothing else either). */
export const isApplied = (s: ReviewSpan): boolean => s.confirmed && s.replacement !== '' && s.replacement !== s.text;

/** What the publish request sends: the applied spans in order. */
export function confirmedSpans(spans: readonly ReviewSpan[]): ConfirmedSpan[] {
  return spans
    .filter(isApplied)
    .sort(byPosition)
    .map((s) => ({ start: s.start, end: s.end, replacement: s.replacement }));
}

/** Problems to fix before publishing, in Chinese (the server checks again). */
export function problemsOf(spans: readonly ReviewSpan[]): string[] {
  const problems: string[] = [];
  for (const s of spans) {
    if (s.confirmed && s.replacement.trim() === '') problems.push(`“${s.text}”(${KIND_LABELS[s.kind]})的替代内容为空`);
    else if (s.confirmed && s.replacement.length > 100) problems.push(`“${s.text}”的替代内容超过 100 字`);
    if (s.kind === 'resident_id' && !s.keep && !isApplied(s)) problems.push(`身份证号码“${s.text}”须隐去后方可公开`);
  }
  return problems;
}

export interface Segment {
  start: number;
  end: number;
  /** The span shown here, or none for plain text. */
  span: ReviewSpan | null;
}

/** The original text cut at every span, for highlighting (an overlapping span, which the editor never makes, is not highlighted). */
export function segmentsOf(text: string, spans: readonly ReviewSpan[]): Segment[] {
  const segments: Segment[] = [];
  let cursor = 0;
  for (const span of [...spans].sort(byPosition)) {
    if (span.start < cursor || span.end > text.length) continue;
    if (span.start > cursor) segments.push({ start: cursor, end: span.start, span: null });
    segments.push({ start: span.start, end: span.end, span });
    cursor = span.end;
  }
  if (cursor < text.length) segments.push({ start: cursor, end: text.length, span: null });
  return segments;
}

export interface PreviewPart {
  text: string;
  /** The replaced span, for highlighting the replacement in the preview. */
  span: ReviewSpan | null;
}

/** The text as the public will read it: the applied spans replaced, in order. */
export function previewOf(text: string, spans: readonly ReviewSpan[]): PreviewPart[] {
  const parts: PreviewPart[] = [];
  let cursor = 0;
  for (const span of spans.filter(isApplied).sort(byPosition)) {
    if (span.start < cursor) continue;
    if (span.start > cursor) parts.push({ text: text.slice(cursor, span.start), span: null });
    parts.push({ text: span.replacement, span });
    cursor = span.end;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), span: null });
  return parts;
}

/** The preview as one string, to compare with a published version's text. */
export const previewText = (text: string, spans: readonly ReviewSpan[]): string =>
  previewOf(text, spans)
    .map((p) => p.text)
    .join('');
