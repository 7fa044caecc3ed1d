import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { findPii } from './find.js';
import { defaultReview, redact } from './redact.js';
import type { ReviewedFinding } from './types.js';

const TEXT = '当事人：张三，电话13812345678，统一社会信用代码91640200MA76L8Q3XE，邮箱zs@example.com。';

describe('redact', () => {
  it('applies the confirmed findings and maps every replaced span both ways', () => {
    const review = defaultReview(findPii(TEXT));
    expect(review.map((f) => [f.kind, f.confirmed])).toEqual([
      ['party_name', true],
      ['mobile', true],
      ['uscc', false],
      ['email', true],
    ]);
    const { text, spans } = redact(TEXT, review);
    expect(text).toBe('当事人：张某某，电话138****5678，统一社会信用代码91640200MA76L8Q3XE，邮箱z***@example.com。');
    expect(spans).toEqual([
      { kind: 'party_name', start: 4, end: 7, originalStart: 4, originalEnd: 6 },
      { kind: 'mobile', start: 10, end: 21, originalStart: 9, originalEnd: 20 },
      { kind: 'email', start: 51, end: 67, originalStart: 50, originalEnd: 64 },
    ]);
    for (const span of spans) {
      const finding = review.find((f) => f.start === span.originalStart);
      expect(text.slice(span.start, span.end)).toBe(finding?.replacement);
    }
  });

  it('skips what the reviewer unconfirmed and uses what the reviewer typed', () => {
    const review = defaultReview(findPii(TEXT)).map((f) =>
      f.kind === 'mobile' ? { ...f, confirmed: false } : f.kind === 'party_name' ? { ...f, replacement: '张×' } : f,
    );
    expect(redact(TEXT, review).text).toBe('当事人：张×，电话13812345678，统一社会信用代码91640200MA76L8Q3XE，邮箱z***@example.com。');
  });

  it('applies a public finding the reviewer confirmed with a replacement of their own', () => {
    const review = defaultReview(findPii(TEXT)).map((f) => (f.kind === 'uscc' ? { ...f, confirmed: true, replacement: '（略）' } : f));
    expect(redact(TEXT, review).text).toContain('统一社会信用代码（略），');
  });

  it('returns the text unchanged when nothing is confirmed', () => {
    const review = defaultReview(findPii(TEXT)).map((f) => ({ ...f, confirmed: false }));
    expect(redact(TEXT, review)).toEqual({ text: TEXT, spans: [] });
  });

  it('refuses findings that no longer match the text', () => {
    const review = defaultReview(findPii(TEXT));
    const edited = TEXT.replace('当事人：', '当事人:  ');
    expect(() => redact(edited, review)).toThrowError(AppError);
    expect(() => redact(edited, review)).toThrowError(/脱敏项与原文不符/);
    const outside: ReviewedFinding = {
      kind: 'mobile',
      start: 90,
      end: 101,
      text: '13812345678',
      replacement: '138****5678',
      confirmed: true,
    };
    expect(() => redact(TEXT, [outside])).toThrowError(/脱敏项与原文不符/);
  });

  it('refuses overlapping findings', () => {
    const a: ReviewedFinding = { kind: 'mobile', start: 9, end: 20, text: '13812345678', replacement: 'x', confirmed: true };
    const b: ReviewedFinding = { kind: 'bank_card', start: 12, end: 20, text: '12345678', replacement: 'y', confirmed: true };
    expect(() => redact(TEXT, [b, a])).toThrowError(/脱敏范围重叠/);
  });
});
