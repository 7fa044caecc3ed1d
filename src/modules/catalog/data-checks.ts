import { invalid } from '../../platform/errors.js';
import type { JsonValue } from '../../platform/events/canonical-json.js';
import type { LegalBasis } from './vocabulary.js';

// Checks shared by every kind of catalogue entry; each problem is a 400 with a Chinese message.

export const required = (value: string, code: string, label: string): string => {
  const trimmed = value.trim();
  if (trimmed === '') throw invalid(code, `${label}不能为空`);
  return trimmed;
};

/** Trimmed, non-empty entries without repeats (order kept). */
export const textList = (values: readonly string[]): string[] => [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];

export function checkLegalBases(bases: readonly LegalBasis[], label: string, atLeastOne: boolean): LegalBasis[] {
  const checked = bases.map((b) => ({
    law: required(b.law, 'legal_basis_law_required', `${label}的法律法规名称`),
    article: required(b.article, 'legal_basis_article_required', `${label}的条款`),
    text: b.text.trim(),
  }));
  if (atLeastOne && checked.length === 0) throw invalid('legal_basis_required', `请填写至少一项${label}`);
  return checked;
}

/** Catalogue data as event data (plain JSON). */
export function dataJson(data: object): { [key: string]: JsonValue } {
  return JSON.parse(JSON.stringify(data)) as { [key: string]: JsonValue };
}
