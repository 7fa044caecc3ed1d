// The redacted rendering: the original text with the confirmed findings' replacements. The original is
// never changed; the caller stores this output as a derived document citing the original's hash.

import { invalid } from '../errors.js';
import type { Finding, PiiKind, ReviewedFinding } from './types.js';

export interface RedactedSpan {
  readonly kind: PiiKind;
  /** Offsets in the redacted text (UTF-16 code units), for highlighting the published rendering. */
  readonly start: number;
  readonly end: number;
  /** Offsets of what was replaced in the original text. */
  readonly originalStart: number;
  readonly originalEnd: number;
}

export interface Redaction {
  readonly text: string;
  readonly spans: readonly RedactedSpan[];
}

/** The editor's starting point: everything confirmed except what is public (`keep`). */
export function defaultReview(findings: readonly Finding[]): ReviewedFinding[] {
  return findings.map(({ kind, start, end, text, replacement, keep }) => ({ kind, start, end, text, replacement, confirmed: !keep }));
}

/**
 * Applies the confirmed findings. A confirmed finding whose replacement equals its text changes
 * nothing and is not listed. Refuses findings that no longer match the text (it was edited after
 * analysis) or that overlap, rather than produce a rendering nobody reviewed.
 */
export function redact(text: string, findings: readonly ReviewedFinding[]): Redaction {
  const applied = findings.filter((f) => f.confirmed && f.replacement !== f.text).sort((a, b) => a.start - b.start);
  const spans: RedactedSpan[] = [];
  let out = '';
  let cursor = 0;
  for (const f of applied) {
    if (f.start < cursor) throw invalid('pii_findings_overlap', `脱敏范围重叠（位置 ${f.start}）`);
    if (f.start < 0 || f.end > text.length || f.end <= f.start || text.slice(f.start, f.end) !== f.text) {
      throw invalid('pii_finding_stale', `脱敏项与原文不符（位置 ${f.start}–${f.end}），请重新识别`);
    }
    out += text.slice(cursor, f.start);
    spans.push({ kind: f.kind, start: out.length, end: out.length + f.replacement.length, originalStart: f.start, originalEnd: f.end });
    out += f.replacement;
    cursor = f.end;
  }
  return { text: out + text.slice(cursor), spans };
}
