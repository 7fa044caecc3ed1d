import { invalid } from '../../platform/errors.js';
import type { DocumentData } from './data.js';
import { isDateText, isTimeText } from './wording.js';

/** One field a template needs: a dotted path into DocumentData and its Chinese name. */
export interface FieldRequirement {
  readonly path: string;
  readonly label: string;
  /** Needed only when this holds (e.g. 法定代表人 only for an organization). */
  readonly when?: (data: DocumentData) => boolean;
  /** Whether it is filled, when more than "the path is not empty" (e.g. a legal basis of one role). */
  readonly filled?: (data: DocumentData) => boolean;
}

export const field = (
  path: string,
  label: string,
  when?: (data: DocumentData) => boolean,
  filled?: (data: DocumentData) => boolean,
): FieldRequirement => ({ path, label, ...(when ? { when } : {}), ...(filled ? { filled } : {}) });

/** The value at a dotted path (`party.name`, `extra.receiver`), walking plain objects only. */
export function readPath(value: unknown, path: string): unknown {
  let at: unknown = value;
  for (const key of path.split('.')) {
    if (typeof at !== 'object' || at === null || Array.isArray(at) || !Object.hasOwn(at, key)) return undefined;
    at = Object.getOwnPropertyDescriptor(at, key)?.value;
  }
  return at;
}

function isPresent(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'boolean') return true;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

/** The requirements whose field is empty, in the template's order. */
export function missingFields(data: DocumentData, required: readonly FieldRequirement[]): FieldRequirement[] {
  return required.filter((r) => (r.when === undefined || r.when(data)) && !(r.filled ? r.filled(data) : isPresent(readPath(data, r.path))));
}

/** Dates and times that are present but not written `YYYY-MM-DD` / `YYYY-MM-DD HH:mm`. */
export function malformedDates(data: DocumentData): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(data.dates ?? {})) {
    if (typeof value === 'string' && value.trim() !== '' && !isDateText(value.trim()))
      problems.push(`dates.${key}「${value}」应为 YYYY-MM-DD`);
  }
  for (const [path, value] of [
    ['record.startTime', data.record?.startTime],
    ['record.endTime', data.record?.endTime],
    ['service.time', data.service?.time],
  ] as const) {
    if (value !== undefined && value.trim() !== '' && !isTimeText(value.trim())) problems.push(`${path}「${value}」应为 YYYY-MM-DD HH:mm`);
  }
  for (const [i, a] of (data.approvals ?? []).entries()) {
    if (a.date !== undefined && a.date.trim() !== '' && !isDateText(a.date.trim()))
      problems.push(`approvals[${i}].date「${a.date}」应为 YYYY-MM-DD`);
  }
  return problems;
}

/**
 * Refuses data a template cannot be issued from: every empty required field listed in Chinese
 * (`document_data_incomplete`), then every malformed date (`document_data_invalid`).
 */
export function assertComplete(title: string, data: DocumentData, required: readonly FieldRequirement[]): void {
  const missing = missingFields(data, required);
  if (missing.length > 0) {
    const labels = missing.map((m) => m.label);
    throw invalid('document_data_incomplete', `《${title}》缺少以下内容:${labels.join('、')}`, labels);
  }
  const malformed = malformedDates(data);
  if (malformed.length > 0) throw invalid('document_data_invalid', `《${title}》的日期格式不正确:${malformed.join(';')}`, malformed);
}

// Requirements several templates share.
const isOrganization = (d: DocumentData) => d.party?.kind === 'organization';

export const AGENCY = field('agencyName', '执法机关名称');
export const PARTY_NAME = field('party.name', '当事人名称（姓名）');
export const PARTY_IDENTITY = [
  field('party.kind', '当事人类型（自然人或单位）'),
  field('party.idNumber', '当事人身份证号码或统一社会信用代码'),
  field('party.address', '当事人住所（住址）'),
  field('party.legalRepresentative', '法定代表人（主要负责人）', isOrganization),
] as const;
export const CASE_TITLE = field('case.title', '案由');
export const FACTS = field('facts', '违法事实');
export const EVIDENCE = field('evidence', '证据');
export const LEGAL_BASES = field('legalBases', '法律依据');
const hasRole = (role: 'violated' | 'penalty') => (d: DocumentData) =>
  (d.legalBases ?? []).some((b) => (b.role ?? 'violated') === role && b.law.trim() !== '' && b.article.trim() !== '');
/** 违反的规定 (a basis with role violated, or without a role). */
export const VIOLATED_LAWS = field('legalBases', '违反的法律规定', undefined, hasRole('violated'));
/** 处罚（处理）依据 (a basis with role penalty). */
export const PENALTY_LAWS = field('legalBases', '处罚（处理）依据', undefined, hasRole('penalty'));
export const OFFICERS = field('officers', '执法人员及执法证号');
export const PENALTY = field('penalty.types', '处罚种类');
export const FINE_AMOUNT = field('penalty.amountYuan', '罚款数额', (d) => d.penalty?.types?.includes('罚款') === true);
export const REMEDIES = [
  field('remedies.reconsiderationBody', '行政复议机关'),
  field('remedies.litigationCourt', '行政诉讼管辖法院'),
] as const;
export const PAYMENT = [
  field('payment.bank', '罚款缴纳银行', (d) => d.penalty?.types?.includes('罚款') === true),
  field('payment.accountName', '罚款收缴账户户名', (d) => d.penalty?.types?.includes('罚款') === true),
  field('payment.account', '罚款收缴账号', (d) => d.penalty?.types?.includes('罚款') === true),
] as const;
export const CONTACT = [field('contact.person', '联系人'), field('contact.phone', '联系电话')] as const;
