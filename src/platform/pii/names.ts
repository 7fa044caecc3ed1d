// Natural persons' names. Without a trained model (tech-anchors §6 suggests one; none is available to
// a dependency-free module), a name is found where a decision introduces a person — 当事人：张三,
// 证人王小明证实, 劳动者张三、李四 — or because the case data names them (options.parties/names).
// Every occurrence of a name found either way is then found everywhere in the text.

import { maskName } from './masks.js';
import { knownSurname } from './surnames.js';
import type { Candidate, NamePolicy } from './types.js';

type Role = 'party' | 'legal_rep' | 'other';

const CONTEXTS: readonly (readonly [Role, readonly string[]])[] = [
  ['party', ['当事人', '被处罚人', '被检查人', '被申请人', '经营者', '业主']],
  ['legal_rep', ['法定代表人', '主要负责人', '负责人', '投资人']],
  [
    'other',
    ['投诉人', '举报人', '证人', '劳动者', '职工', '员工', '工人', '农民工', '申请人', '受害人', '代理人', '联系人', '监护人', '家属'],
  ],
];
const CONTEXT_RE = new RegExp(
  `(${CONTEXTS.flatMap(([, words]) => words)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?:\\([^)]{0,12}\\))?(?:姓名)?([:\\s]*)`,
  'gu',
);
const ROLE_OF = new Map(CONTEXTS.flatMap(([role, words]) => words.map((w) => [w, role] as const)));

/** What may follow a name in running text: 证人王小明证实, 张三于2026年, 张三、李四等3人. */
const FOLLOW =
  /^(?:证实|证明|称|陈述|反映|投诉|举报|系|是|于|在|与|和|及|等|的|到|从|自|经|因|向|为|未|已|每|共|入职|签|领|任|担任|提供|出具|说|表示|作|同|均|也|对|将|以|所|被|现|男|女)/u;
/** A given name rarely starts with a function word; in running text this keeps 当事人应当于 out. */
const NOT_GIVEN_START = /^[当该其本此已未不等的了是于在和与及对向为以将把被从所应可能均也都还就并而]/u;
/** Characters that end a phrase rather than a given name: 赵五等3人 is 赵五, not 赵五等. */
const NOT_GIVEN_END = /^[等的是于在与及称系]/u;
const HAN = /^\p{Script=Han}/u;

/** Code points, so a name with a character outside the BMP (𠀀) is measured right. */
function chars(s: string, at: number, count: number): string[] {
  const out: string[] = [];
  for (let i = at; out.length < count && i < s.length; ) {
    const ch = String.fromCodePoint(s.codePointAt(i) ?? 0);
    if (!HAN.test(ch)) break;
    out.push(ch);
    i += ch.length;
  }
  return out;
}

/** The name starting at `at`, if one does: a listed surname, one or two more characters, then a boundary. */
function nameAt(s: string, at: number, formal: boolean): string | undefined {
  const surname = knownSurname(s.slice(at));
  if (!surname) return undefined;
  const given = chars(s, at + surname.length, 2);
  for (let n = given.length; n >= 1; n--) {
    const name = surname + given.slice(0, n).join('');
    const next = s.slice(at + name.length);
    const boundary = next === '' || !HAN.test(next) || FOLLOW.test(next);
    if (!boundary || name.includes('某') || (n > 1 && NOT_GIVEN_END.test(given[n - 1] ?? ''))) continue;
    if (!formal && NOT_GIVEN_START.test(given[0] ?? '')) return undefined;
    return name;
  }
  return undefined;
}

interface Known {
  readonly role: Role;
  readonly confidence: Candidate['confidence'];
}

/** Names introduced by a context word, with the list that may follow: 劳动者张三、李四、王五. */
function namesInContext(s: string, found: Map<string, Known>): void {
  for (const m of s.matchAll(CONTEXT_RE)) {
    const role = ROLE_OF.get(m[1] ?? '') ?? 'other';
    const formal = (m[2] ?? '').length > 0;
    let at = m.index + m[0].length;
    for (let name = nameAt(s, at, formal); name; name = s.charAt(at) === '、' ? nameAt(s, at + 1, formal) : undefined) {
      remember(found, name, { role, confidence: formal ? 'high' : 'medium' });
      at = s.indexOf(name, at) + name.length;
    }
  }
}

/** A name seen in several roles is treated by the most protective one that is not "public". */
function remember(found: Map<string, Known>, name: string, known: Known): void {
  const rank: Record<Role, number> = { party: 3, other: 2, legal_rep: 1 };
  const old = found.get(name);
  if (!old || rank[known.role] > rank[old.role] || (rank[known.role] === rank[old.role] && known.confidence === 'high')) {
    found.set(name, known);
  }
}

export interface NameOptions {
  readonly parties: readonly string[];
  readonly names: readonly string[];
  readonly partyPolicy: NamePolicy;
  readonly othersPolicy: Exclude<NamePolicy, 'full'>;
  readonly legalRepresentativesPublic: boolean;
}

export function personNames(s: string, options: NameOptions): Candidate[] {
  const found = new Map<string, Known>();
  namesInContext(s, found);
  for (const name of options.names) if (name.trim()) remember(found, name.trim(), { role: 'other', confidence: 'high' });
  for (const name of options.parties) if (name.trim()) remember(found, name.trim(), { role: 'party', confidence: 'high' });

  const out: Candidate[] = [];
  for (const [name, { role, confidence }] of found) {
    const base = { kind: role === 'party' ? ('party_name' as const) : ('person_name' as const), confidence };
    const shown =
      role === 'party'
        ? {
            replacement: maskName(name, options.partyPolicy, 'party'),
            keep: options.partyPolicy === 'full',
            reason: '当事人（自然人）姓名',
          }
        : role === 'legal_rep' && options.legalRepresentativesPublic
          ? { replacement: name, keep: true, reason: '法定代表人/负责人姓名（公开）' }
          : { replacement: maskName(name, options.othersPolicy, 'other'), keep: false, reason: '当事人以外的自然人姓名' };
    for (let at = s.indexOf(name); at >= 0; at = s.indexOf(name, at + name.length)) {
      out.push({ ...base, ...shown, start: at, end: at + name.length });
    }
  }
  return out;
}
