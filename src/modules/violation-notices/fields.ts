import { invalid } from '../../platform/errors.js';
import { findPii, isUscc } from '../../platform/pii/index.js';
import type { DecidedCase, DecidedCaseParty } from '../cases/index.js';
import type { NoticeFields } from './views.js';

// The 第六条 fields: prefilled from the case, checked before an entry is confirmed. Pure.

const LIMITS: Readonly<Record<keyof NoticeFields, { label: string; max: number }>> = {
  subjectName: { label: '违法主体全称', max: 200 },
  creditCode: { label: '统一社会信用代码(或注册号)', max: 32 },
  address: { label: '地址', max: 300 },
  responsiblePerson: { label: '法定代表人或负责人姓名', max: 50 },
  facts: { label: '主要违法事实', max: 2000 },
  handling: { label: '相关处理情况', max: 2000 },
};

const yuan = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/**
 * What the person starts from: the party as registered and the decision as recorded. 主要违法事实 starts
 * from the case's summary and 相关处理情况 from the decision; both are meant to be edited into the
 * public wording before confirming.
 */
export function prefill(decided: DecidedCase, party: DecidedCaseParty): NoticeFields {
  const { decision } = decided;
  const fine = decision.fineYuan !== null && decision.fineYuan > 0 ? `罚款 ${yuan(decision.fineYuan)} 元` : '';
  const types = decision.types.filter((t) => t !== '罚款');
  const measures = [...types, fine].filter((t) => t !== '').join('、');
  const handling = [`${decision.decidedOn} 依法作出处理决定${measures ? `:${measures}` : ''}。`, decision.description]
    .filter((t) => t.trim() !== '')
    .join('');
  return {
    subjectName: party.name,
    creditCode: party.idNo,
    address: party.address,
    responsiblePerson: party.legalRepresentative,
    facts: decided.summary,
    handling,
  };
}

/** 18 characters: a 统一社会信用代码 with its check character (GB 32100); 15 digits: an old 注册号. */
export const isCreditCode = (code: string): boolean => (code.length === 18 ? isUscc(code) : /^[0-9]{15}$/.test(code));

/** Trimmed fields, refused when too long. */
export function cleanFields(input: NoticeFields): NoticeFields {
  const out = { ...input };
  const tooLong: string[] = [];
  for (const key of Object.keys(LIMITS) as (keyof NoticeFields)[]) {
    out[key] = input[key].trim();
    if (out[key].length > LIMITS[key].max) tooLong.push(`${LIMITS[key].label}不超过 ${LIMITS[key].max} 字`);
  }
  if (tooLong.length > 0) throw invalid('field_too_long', '部分内容超出长度限制', tooLong);
  return { ...out, creditCode: out.creditCode.toUpperCase() };
}

/** PII kinds that never belong in the public text of an entry (workers' IDs, phones, bank accounts). */
const NEVER_PUBLIC = new Set(['resident_id', 'mobile', 'bank_card']);

/**
 * Before an entry is confirmed: every field present, the code valid, and no personal identifiers of
 * natural persons in the text (第六条: 涉及个人隐私的信息不得公布). Names of the workers are for the person
 * confirming to remove; the 法定代表人/负责人's name is public by the rule.
 */
export function checkForPublication(fields: NoticeFields): void {
  const missing = (Object.keys(LIMITS) as (keyof NoticeFields)[]).filter((k) => fields[k] === '').map((k) => `${LIMITS[k].label}不能为空`);
  if (missing.length > 0) throw invalid('field_required', '公布事项须列明第六条规定的全部内容', missing);
  if (!isCreditCode(fields.creditCode)) {
    throw invalid('credit_code_invalid', '统一社会信用代码校验位不正确(或注册号不是 15 位数字)');
  }
  const found = [fields.facts, fields.handling, fields.address].flatMap((text) => findPii(text).filter((f) => NEVER_PUBLIC.has(f.kind)));
  if (found.length > 0) {
    throw invalid(
      'pii_in_public_text',
      '公布内容中含有身份证号码、手机号码或银行账号,请删除后再确认',
      found.map((f) => `${f.reason}:${f.replacement}`),
    );
  }
}
