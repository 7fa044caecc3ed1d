import type { EvidenceEntry, LegalBasis, OfficerRef, PartyInfo, PenaltyInfo } from './data.js';

/** Printed where a value is still missing (previews only: issuing refuses missing required fields). */
export const BLANK = '＿＿＿＿＿＿';

/** The trimmed text, or the blank line when empty. */
export function v(text: string | undefined | null): string {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? BLANK : trimmed;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/;

/** `2026-03-01` → 2026年3月1日 (GB/T 9704-2012 writes 成文日期 in Arabic numerals). */
export function dateText(date: string | undefined): string {
  const m = date ? DATE.exec(date.trim()) : null;
  if (!m) return v(date);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** `2026-03-01 09:30` → 2026年3月1日9时30分. */
export function timeText(time: string | undefined): string {
  const m = time ? TIME.exec(time.trim()) : null;
  if (!m) return time && DATE.test(time.trim()) ? dateText(time) : v(time);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日${Number(m[4])}时${m[5]}分`;
}

export const isDateText = (text: string): boolean => DATE.test(text);
export const isTimeText = (text: string): boolean => TIME.test(text);

const CN_DIGITS = '零一二三四五六七八九';

/** 1–99 in Chinese numerals (periods: 三个工作日, 十五日, 六十日); larger numbers stay Arabic. */
export function cnNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return CN_DIGITS.charAt(ones);
  return `${tens === 1 ? '' : CN_DIGITS.charAt(tens)}十${ones === 0 ? '' : CN_DIGITS.charAt(ones)}`;
}

const UPPER = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

function groupWords(group: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(group / 10 ** i) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += UPPER.charAt(d) + SMALL_UNITS[i];
  }
  return out;
}

function integerWords(n: number): string {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10000)) groups.push(rest % 10000);
  let out = '';
  let zero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] ?? 0;
    if (g === 0) {
      zero = out !== '';
      continue;
    }
    if (zero || (out !== '' && g < 1000)) out += '零';
    zero = false;
    out += groupWords(g) + (BIG_UNITS[i] ?? '');
  }
  return out;
}

/** 金额大写: 50000 → 伍万元整, 10005.5 → 壹万零伍元伍角整. */
export function yuanInWords(amount: number): string {
  const cents = Math.round(amount * 100);
  if (!Number.isFinite(amount) || cents <= 0) return '零元整';
  const yuan = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;
  let out = yuan > 0 ? `${integerWords(yuan)}元` : '';
  if (jiao === 0 && fen === 0) return `${out}整`;
  if (jiao > 0) out += `${UPPER.charAt(jiao)}角`;
  else if (yuan > 0) out += '零';
  return fen > 0 ? `${out}${UPPER.charAt(fen)}分` : `${out}整`;
}

/** 50000 → 50000 (no grouping separators, as documents write amounts); 0.5 → 0.50. */
export function yuanFigures(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
}

/** How a document addresses the party: 你 (a person), 你单位 (an organization), 你（单位） when unknown. */
export function pronoun(party: PartyInfo | undefined): string {
  if (party?.kind === 'natural') return '你';
  if (party?.kind === 'organization') return '你单位';
  return '你（单位）';
}

/** 当事人 lines of a decision: name, then 统一社会信用代码/法定代表人/住所 or 身份证号码/住址. */
export function partyLines(party: PartyInfo | undefined): string[] {
  if (party?.kind === 'natural') {
    return [`当事人：${v(party.name)}`, `身份证号码：${v(party.idNumber)}`, `住址：${v(party.address)}`];
  }
  const lines = [`当事人：${v(party?.name)}`, `统一社会信用代码：${v(party?.idNumber)}`];
  lines.push(`法定代表人（主要负责人）：${v(party?.legalRepresentative)}`, `住所：${v(party?.address)}`);
  return lines;
}

/** 《劳动保障监察条例》第二十六条、第三十条、《中华人民共和国劳动合同法》第八十五条 — grouped by law, in order. */
export function citeLaws(bases: readonly LegalBasis[] | undefined, role?: LegalBasis['role']): string {
  const picked = (bases ?? []).filter((b) => role === undefined || b.role === role || (role === 'violated' && b.role === undefined));
  if (picked.length === 0) return BLANK;
  const byLaw = new Map<string, string[]>();
  for (const basis of picked) byLaw.set(basis.law, [...(byLaw.get(basis.law) ?? []), basis.article]);
  return [...byLaw].map(([law, articles]) => `《${law}》${articles.join('、')}`).join('、');
}

/** The quoted texts of the bases that carry one, as separate paragraphs. */
export function quotedLaws(bases: readonly LegalBasis[] | undefined, role: LegalBasis['role']): string[] {
  return (bases ?? []).filter((b) => b.role === role && b.text?.trim()).map((b) => `《${b.law}》${b.article}：“${b.text?.trim()}”`);
}

/** 1．description（SHA-256：…） — numbered, one per line. */
export function evidenceLines(evidence: readonly EvidenceEntry[] | undefined): string[] {
  if (!evidence || evidence.length === 0) return [BLANK];
  return evidence.map((e, i) => `${i + 1}．${v(e.description)}${e.sha256 ? `（SHA-256：${e.sha256}）` : ''}`);
}

/** 张三（执法证号：…）、李四（执法证号：…）. */
export function officersText(officers: readonly OfficerRef[] | undefined): string {
  if (!officers || officers.length === 0) return BLANK;
  return officers.map((o) => `${v(o.name)}（执法证号：${v(o.certificateNo)}）`).join('、');
}

export function officerNames(officers: readonly OfficerRef[] | undefined): string {
  if (!officers || officers.length === 0) return BLANK;
  return officers.map((o) => v(o.name)).join('、');
}

/** The penalty content as numbered items: 警告；罚款人民币50000元（大写：伍万元整）；… */
export function penaltyItems(penalty: PenaltyInfo | undefined): string[] {
  const items: string[] = [];
  for (const type of penalty?.types ?? []) {
    if (type === '罚款' && penalty?.amountYuan !== undefined) {
      items.push(`罚款人民币${yuanFigures(penalty.amountYuan)}元（大写：${yuanInWords(penalty.amountYuan)}）`);
    } else items.push(type);
  }
  if (penalty?.other?.trim()) items.push(penalty.other.trim());
  return enumerate(items);
}

/** Items as printed: 一、…；二、…。 (one item alone unnumbered, ending with 。); a blank when none. */
export function enumerate(list: readonly string[]): string[] {
  const clean = list.map((t) => t.trim().replace(/[；;，,。]$/, '')).filter((t) => t !== '');
  if (clean.length === 0) return [BLANK];
  if (clean.length === 1) return [`${clean[0]}。`];
  return clean.map((t, i) => `${cnNumber(i + 1)}、${t}${i === clean.length - 1 ? '。' : '；'}`);
}

export function penaltySummary(penalty: PenaltyInfo | undefined): string {
  return penaltyItems(penalty)
    .map((item) => item.replace(/^[一二三四五六七八九十]+、/, '').replace(/[；。]$/, ''))
    .join('，');
}

/** Multi-paragraph text (line breaks) as separate paragraphs; blank when empty. */
export function paragraphsOf(text: string | undefined): string[] {
  const parts = (text ?? '')
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.length > 0 ? parts : [BLANK];
}
