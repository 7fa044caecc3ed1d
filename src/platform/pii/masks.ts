// What each kind of finding becomes in the published text. The rules (浙江省行政处罚结果信息网上公开
// 暂行办法 §7, SAMR 公示规定, domain-research A8) say "隐去"; a partial mask keeps the redacted text
// readable (the reader sees that an ID number or a telephone stood there) while leaving too few digits
// to identify anyone. Fixed-length masks for names, addresses and accounts so the mask does not leak the
// length of what it hides.

import { surnameOf } from './surnames.js';
import type { NamePolicy } from './types.js';

/**
 * 6402**********1234: the first four digits (province and prefecture — normally the agency's own city,
 * so nothing new) and the last four. The popular "first six, last four" form hides only the birth
 * date, which anyone who knows the person's birthday fills in; this form also hides the county.
 */
export function maskResidentId(id: string): string {
  return `${id.slice(0, 4)}${'*'.repeat(Math.max(0, id.length - 8))}${id.slice(-4)}`;
}

/** 138****5678: the display convention of Chinese carriers and apps (tech-anchors §6). */
export function maskMobile(digits11: string): string {
  return `${digits11.slice(0, 3)}****${digits11.slice(7)}`;
}

/** 0952-*******: the area code names only the city; every subscriber digit is hidden. */
export function maskLandline(areaCode: string, subscriber: string): string {
  return `${areaCode ? `${areaCode}-` : ''}${'*'.repeat(subscriber.length)}`;
}

/** **** **** **** 1234, whatever the length: the last four let the party recognise their own card. */
export function maskAccount(digits: string): string {
  return `**** **** **** ${digits.slice(-4)}`;
}

/** z***@example.com: the domain says only which provider. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.charAt(0)}***${email.slice(at)}`;
}

export const ADDRESS_MASK = '******';

/**
 * A natural person's name. Surname kept and the given name replaced by 某 follows the courts' 隐名处理
 * (最高人民法院关于人民法院在互联网公布裁判文书的规定 §9(1): "保留姓氏，名字以'某'替代"). The party
 * becomes 张某某 (the form in the issue and common in published 处罚决定书); other persons become 张某, so a
 * reader can tell the party from a witness. 'hide' drops the surname too.
 */
export function maskName(name: string, policy: NamePolicy, role: 'party' | 'other'): string {
  if (policy === 'full') return name;
  const rest = role === 'party' ? '某某' : '某';
  return policy === 'hide' ? `某${rest}` : `${surnameOf(name)}${rest}`;
}
