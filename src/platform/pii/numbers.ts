// Recognizers for numbers and e-mail addresses, after Presidio's semantics (tech-anchors §6): a
// pattern gives a base confidence, a checksum raises it (or, for IDs and USCCs, a failed one drops
// the match), a keyword shortly before raises it. They work on normalize()d text.

import { isResidentId, isUscc } from './ids.js';
import { maskAccount, maskEmail, maskLandline, maskMobile, maskResidentId } from './masks.js';
import { digitsOf, isolated, labelEndsWith, luhn, nearKeyword, PUBLIC_NUMBER_LABELS } from './scan.js';
import type { Candidate } from './types.js';

const ID_LABELS = ['身份证号码', '身份证号', '身份证', '公民身份号码', '身份号码', '证件号码', '证件号'];
const ACCOUNT_LABELS = ['账号', '帐号', '卡号', '账户', '帐户'];
const ACCOUNT_KEYWORDS = ['卡号', '账号', '帐号', '账户', '帐户', '银行', '开户'];
const PHONE_KEYWORDS = ['电话', '手机', '联系', '座机', '传真', '微信', 'Tel', 'TEL', 'tel'];
const PHONE_LABELS = ['电话', '手机', '手机号', '手机号码', '电话号码', '联系方式', '座机', '传真'];

/** Maximal runs of ASCII letters and digits: a match must be a whole run ("not inside a longer number"). */
function* alnumRuns(s: string): Generator<{ start: number; end: number; run: string }> {
  for (const m of s.matchAll(/[0-9A-Za-z]+/g)) yield { start: m.index, end: m.index + m[0].length, run: m[0] };
}

/** A real calendar date YYYYMMDD (or YYMMDD of the 1900s for 15-digit IDs). */
function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const ID18_SHAPE = /^[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx]$/;

export function residentIds(s: string): Candidate[] {
  const out: Candidate[] = [];
  for (const { start, end, run } of alnumRuns(s)) {
    const id = run.toUpperCase();
    const base = { kind: 'resident_id' as const, start, end, replacement: maskResidentId(id) };
    if (run.length === 18 && isResidentId(id)) {
      out.push({ ...base, confidence: 'high', reason: '居民身份证号码（GB 11643 校验位正确）' });
    } else if (run.length === 18 && ID18_SHAPE.test(id) && labelEndsWith(s, start, ID_LABELS)) {
      // A mistyped ID is still someone's ID; without the label a failed check means "not an ID".
      out.push({ ...base, confidence: 'low', reason: '标注为身份证号码，但校验位不符' });
    } else if (run.length === 15 && /^[1-9]\d{14}$/.test(run)) {
      const [yy, mm, dd] = [run.slice(6, 8), run.slice(8, 10), run.slice(10, 12)].map(Number) as [number, number, number];
      if (realDate(1900 + yy, mm, dd)) out.push({ ...base, confidence: 'medium', reason: '15 位旧身份证号码（无校验位，出生日期有效）' });
    }
  }
  return out;
}

export function usccs(s: string, organizationsPublic: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const { start, end, run } of alnumRuns(s)) {
    if (run.length !== 18 || !isUscc(run)) continue;
    // 1 in 31 digit strings passes the USCC check: a labelled ID or account number is not a code.
    if (labelEndsWith(s, start, [...ID_LABELS, ...ACCOUNT_LABELS])) continue;
    const code = run.toUpperCase();
    out.push({
      kind: 'uscc',
      start,
      end,
      confidence: 'high',
      replacement: organizationsPublic ? run : maskResidentId(code),
      reason: organizationsPublic ? '统一社会信用代码（GB 32100 校验位正确；组织的代码公开）' : '统一社会信用代码（GB 32100 校验位正确）',
      keep: organizationsPublic,
    });
  }
  return out;
}

/** Card and account numbers: 6222021234567890123, 6222 0212 3456 7890 or 6222-0212-3456-7890. */
export function bankCards(s: string): Candidate[] {
  const out: Candidate[] = [];
  const spans = [
    ...[...alnumRuns(s)].filter((r) => /^\d{8,30}$/.test(r.run)),
    ...[...s.matchAll(/\d{4}([ -])\d{4}(?:\1\d{4}){1,5}(?:\1\d{1,3})?/g)]
      .map((m) => ({ start: m.index, end: m.index + m[0].length }))
      .filter((r) => isolated(s, r.start, r.end)),
  ];
  for (const { start, end } of spans) {
    if (labelEndsWith(s, start, PUBLIC_NUMBER_LABELS)) continue;
    const digits = digitsOf(s.slice(start, end));
    const cardLength = digits.length >= 16 && digits.length <= 19;
    const base = { kind: 'bank_card' as const, start, end, replacement: maskAccount(digits) };
    if (cardLength && luhn(digits)) out.push({ ...base, confidence: 'high', reason: '银行卡号（Luhn 校验通过）' });
    else if (labelEndsWith(s, start, ACCOUNT_LABELS)) out.push({ ...base, confidence: 'medium', reason: '标注为账号的数字' });
    // Some domestic debit cards fail Luhn (tech-anchors §6), so a nearby keyword still finds them.
    else if (cardLength && nearKeyword(s, start, ACCOUNT_KEYWORDS))
      out.push({ ...base, confidence: 'medium', reason: '银行卡号（附近有"卡号/账号/银行"）' });
  }
  return out;
}

export function emails(s: string): Candidate[] {
  return [...s.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g)].map((m) => ({
    kind: 'email' as const,
    start: m.index,
    end: m.index + m[0].length,
    confidence: 'high' as const,
    replacement: maskEmail(m[0]),
    reason: '电子邮箱',
  }));
}

/** 13812345678, 138-1234-5678, 138 1234 5678, +86 138…, 0086-138…; never part of a longer number. */
export function mobiles(s: string): Candidate[] {
  const out: Candidate[] = [];
  const re = /(?<![0-9A-Za-z])(?:(?:\+|00)?86[- ]?)?(1[3-9]\d)([- ]?)(\d{4})\2(\d{4})(?![0-9A-Za-z])/g;
  for (const m of s.matchAll(re)) {
    const start = m.index;
    if (labelEndsWith(s, start, PUBLIC_NUMBER_LABELS)) continue;
    const keyword = nearKeyword(s, start, PHONE_KEYWORDS);
    out.push({
      kind: 'mobile',
      start,
      end: start + m[0].length,
      confidence: keyword ? 'high' : 'medium',
      replacement: maskMobile(`${m[1]}${m[3]}${m[4]}`),
      reason: keyword ? '手机号码（附近有"电话/手机/联系"）' : '手机号码',
    });
  }
  return out;
}

/**
 * China's area codes: 010 and 02X have three digits and eight-digit subscriber numbers; every other
 * code is 0 and three digits (0952) with seven or eight. Subscriber numbers never start with 0 or 1.
 * This is what keeps 2026-0001, 20260901 and amounts out.
 */
function splitLandline(area: string | undefined, rest: string): { area: string; subscriber: string } | undefined {
  const digits = `${area ?? ''}${rest}`;
  const areaLength = /^0(?:10|2\d)/.test(digits) ? 3 : /^0[3-9]/.test(digits) ? 4 : 0;
  if (areaLength === 0 || (area !== undefined && area.length !== areaLength)) return undefined;
  const subscriber = digits.slice(areaLength);
  const lengthOk = areaLength === 3 ? subscriber.length === 8 : subscriber.length === 7 || subscriber.length === 8;
  return lengthOk && /^[2-9]/.test(subscriber) ? { area: digits.slice(0, areaLength), subscriber } : undefined;
}

export function landlines(s: string): Candidate[] {
  const out: Candidate[] = [];
  // The lookarounds make the engine backtrack to the split that leaves no digit on either side.
  const withArea = /(?<![0-9A-Za-z])(\()?(0\d{2,3})(\)|-| )?(\d{7,8})(?:(?:-|转|ext\.?)\d{1,5})?(?![0-9A-Za-z])/g;
  for (const m of s.matchAll(withArea)) {
    const start = m.index;
    const separated = m[1] !== undefined || m[3] !== undefined;
    const parts = separated ? splitLandline(m[2], m[4] ?? '') : splitLandline(undefined, `${m[2]}${m[4]}`);
    if (!parts || labelEndsWith(s, start, PUBLIC_NUMBER_LABELS)) continue;
    const keyword = nearKeyword(s, start, PHONE_KEYWORDS);
    out.push({
      kind: 'landline',
      start,
      end: start + m[0].length,
      // Eleven or twelve bare digits starting with 0 are as likely a code of some other kind.
      confidence: keyword ? 'high' : separated ? 'medium' : 'low',
      replacement: maskLandline(parts.area, parts.subscriber),
      reason: keyword ? '固定电话（附近有"电话/联系"）' : '固定电话（区号有效）',
    });
  }
  // A local number without its area code is found only right after a telephone label.
  for (const { start, end, run } of alnumRuns(s)) {
    if (/^[2-9]\d{6,7}$/.test(run) && labelEndsWith(s, start, PHONE_LABELS)) {
      out.push({ kind: 'landline', start, end, confidence: 'medium', replacement: maskLandline('', run), reason: '标注为电话的本地号码' });
    }
  }
  return out;
}
