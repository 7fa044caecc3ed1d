// Helpers shared by the recognizers. Chinese has no word boundaries, so "not inside a longer number"
// and "near a keyword" are decided on characters here (tech-anchors §6: digit lookarounds and a
// character-window context boost instead of Presidio's token window).

/**
 * Full-width ASCII (０-９, Ａ-Ｚ, －, ＠, ：…) and the ideographic space mapped to their ASCII forms.
 * Every mapping is one UTF-16 unit to one, so offsets found in the result are offsets in the original.
 */
export function normalize(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

const ASCII_ALNUM = /[0-9A-Za-z]/;

/**
 * True when the span is not part of a longer run of ASCII letters and digits. Letters count too: a
 * SHA-256 digest in an evidence list must not yield phone numbers from its digit runs.
 */
export function isolated(s: string, start: number, end: number): boolean {
  return !ASCII_ALNUM.test(s.charAt(start - 1)) && !ASCII_ALNUM.test(s.charAt(end));
}

/** The text before `start` on the same line, at most `width` characters. */
function lineBefore(s: string, start: number, width: number): string {
  const window = s.slice(Math.max(0, start - width), start);
  const lineBreak = window.lastIndexOf('\n');
  return lineBreak < 0 ? window : window.slice(lineBreak + 1);
}

/** A keyword within `width` characters before the match on the same line (Presidio's context enhancer). */
export function nearKeyword(s: string, start: number, keywords: readonly string[], width = 12): boolean {
  const before = lineBefore(s, start, width);
  return keywords.some((k) => before.includes(k));
}

/**
 * The label directly in front of the match ("账号：", "身份证号码 "), read back to the nearest clause
 * punctuation. Returns the label text without the trailing colon and spaces.
 */
export function labelBefore(s: string, start: number, width = 12): string {
  const before = lineBefore(s, start, width);
  const clause = before.split(/[。；;，,、()（）[\]【】]/).pop() ?? '';
  return clause.replace(/[\s:：]+$/u, '');
}

export function labelEndsWith(s: string, start: number, labels: readonly string[]): boolean {
  const label = labelBefore(s, start);
  return labels.some((l) => label.endsWith(l));
}

/** Luhn (ISO/IEC 7812) over a string of digits. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits.charAt(digits.length - 1 - i));
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export const digitsOf = (text: string): string => text.replace(/\D/g, '');

/** Labels of public numbers that look like phone or account numbers but are not personal data. */
export const PUBLIC_NUMBER_LABELS = [
  '执法证号',
  '执法证件号',
  '证件编号',
  '文号',
  '案号',
  '编号',
  '单号',
  '流水号',
  '批次号',
  '邮编',
  '邮政编码',
];
