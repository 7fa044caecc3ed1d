// findPii: every recognizer over the text, the public-information rules, then one finding per
// character at most, so the editor can highlight each and a person confirm or drop it.

import { addresses } from './address.js';
import { personNames } from './names.js';
import { bankCards, emails, landlines, mobiles, residentIds, usccs } from './numbers.js';
import { normalize } from './scan.js';
import { type Candidate, type Confidence, type Finding, PII_KINDS, type PiiOptions } from './types.js';

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

/** Spaces and dashes do not make a number different: "6400 1010 …" in the text, "64001010…" in options.keep. */
const compact = (text: string): string => normalize(text).replace(/[\s-]/g, '');

/**
 * Findings in `text`, sorted by start and not overlapping. Offsets are UTF-16 code units (JavaScript
 * string indices). Public information is found too, with `keep: true` and the text as its own
 * replacement, so the reviewer sees what was deliberately left in.
 */
export function findPii(text: string, options: PiiOptions = {}): Finding[] {
  const s = normalize(text);
  const names = personNames(s, {
    parties: options.parties ?? [],
    names: options.names ?? [],
    partyPolicy: options.partyPolicy ?? 'surname',
    othersPolicy: options.othersPolicy ?? 'surname',
    legalRepresentativesPublic: options.legalRepresentativesPublic ?? true,
  });
  const candidates = [
    ...residentIds(s),
    ...usccs(s, options.organizationsPublic ?? true),
    ...bankCards(s),
    ...emails(s),
    ...mobiles(s),
    ...landlines(s),
    ...addresses(s, { keepOf: options.keepAddressesOf ?? [], personStarts: names.map((n) => n.start) }),
    ...names,
  ];
  const keep = (options.keep ?? []).map(compact).filter((k) => k.length > 0);
  return resolveOverlaps(candidates.map((c) => publicByOption(c, text, keep))).map((c) => {
    const original = text.slice(c.start, c.end);
    const kept = c.keep === true;
    return {
      kind: c.kind,
      start: c.start,
      end: c.end,
      text: original,
      confidence: c.confidence,
      replacement: kept ? original : c.replacement,
      reason: c.reason,
      keep: kept,
    };
  });
}

/**
 * options.keep lists public strings (the agency's fine-collection account, its telephone, an
 * organisation's registered address). Four characters at least, so that 12号 does not match by chance.
 */
function publicByOption(c: Candidate, text: string, keep: readonly string[]): Candidate {
  const own = compact(text.slice(c.start, c.end));
  if (c.keep || own.length < 4 || !keep.some((k) => k.includes(own))) return c;
  return { ...c, keep: true, reason: `${c.reason}；列为公开信息，不隐去` };
}

/**
 * Greedy by kind priority (PII_KINDS order: an ID wins over a bank card reading of the same digits,
 * an e-mail over the phone number in its local part), then confidence, then the longer span.
 */
function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const ordered = [...candidates].sort(
    (a, b) =>
      PII_KINDS.indexOf(a.kind) - PII_KINDS.indexOf(b.kind) ||
      CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence] ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const taken: Candidate[] = [];
  for (const c of ordered) {
    if (c.end > c.start && !taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}
