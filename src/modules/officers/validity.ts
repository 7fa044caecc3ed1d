/** Certificate validity: pure functions over dates written `YYYY-MM-DD` (Beijing calendar days). */

/** 执法证件号码: letters, digits and hyphens, at most 32 — the one rule of the form, the API and the Excel import. */
export const CERTIFICATE_PATTERN = /^[0-9A-Za-z-]{1,32}$/;
export const CERTIFICATE_RULE = '最多 32 位,只能包含字母、数字和连字符「-」';

export const OFFICER_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<string, string>> = { active: '有效', suspended: '暂扣', revoked: '注销' };

export type ValidityReason = 'valid' | 'not_yet_valid' | 'expired' | 'suspended' | 'revoked';

export interface CertificateDates {
  readonly status: string;
  readonly validFrom: string;
  readonly validTo: string;
}

/** Valid only when the status is active and validFrom ≤ date ≤ validTo (both ends inclusive). */
export function certificateValidOn(officer: CertificateDates, date: string): { valid: boolean; reason: ValidityReason } {
  if (officer.status === 'revoked') return { valid: false, reason: 'revoked' };
  if (officer.status !== 'active') return { valid: false, reason: 'suspended' };
  if (date < officer.validFrom) return { valid: false, reason: 'not_yet_valid' };
  if (date > officer.validTo) return { valid: false, reason: 'expired' };
  return { valid: true, reason: 'valid' };
}

/** What the public verification shows for each reason. */
export const PUBLIC_STATUS: Readonly<Record<ValidityReason, string>> = {
  valid: '有效',
  expired: '已过期',
  suspended: '暂扣',
  revoked: '注销',
  not_yet_valid: '未生效',
};

/** Today's date in Beijing and plain date arithmetic come from the platform calendar. */
export { isIsoDate as isCalendarDate, plusDays as addDays, shanghaiToday } from '../../platform/calendar/index.js';
