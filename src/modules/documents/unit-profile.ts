import { invalid } from '../../platform/errors.js';
import type { JsonValue } from '../../platform/events/canonical-json.js';
import type { DocumentData } from './data.js';

/**
 * 文书固定信息 of a unit: what every outgoing 执法文书 of the unit prints the same way — 联系方式, the
 * fine collection account and the 救济途径. Set once by the administrator; the cases module uses it as
 * the default of a document's `contact`, `payment` and `remedies`. Every part is optional: a part a
 * unit does not set comes from its nearest ancestor that has it (see `resolveUnitProfile`).
 */
export interface UnitProfile {
  contact?: DocumentData['contact'];
  payment?: DocumentData['payment'];
  remedies?: DocumentData['remedies'];
}

export type ProfilePart = keyof UnitProfile;
export const PROFILE_PARTS: readonly ProfilePart[] = ['contact', 'payment', 'remedies'];

/** The unit a part of an effective profile comes from. */
export interface PartSource {
  unitId: string;
  unitName: string;
}

export type ProfileSources = Record<ProfilePart, PartSource | null>;

/** A unit's own profile, as one step of the way from a unit up to the root. */
export interface ProfileLayer extends PartSource {
  profile: UnitProfile;
}

/**
 * The effective profile from the layers nearest first (the unit itself, its parent, …, the root):
 * each part separately is the nearest layer's that has it; `sources` names where each came from.
 */
export function resolveUnitProfile(layers: readonly ProfileLayer[]): { profile: UnitProfile; sources: ProfileSources } {
  const profile: UnitProfile = {};
  const sources: ProfileSources = { contact: null, payment: null, remedies: null };
  for (const part of PROFILE_PARTS) {
    const layer = layers.find((l) => l.profile[part] !== undefined);
    if (!layer) continue;
    sources[part] = { unitId: layer.unitId, unitName: layer.unitName };
    if (part === 'contact') profile.contact = layer.profile.contact;
    else if (part === 'payment') profile.payment = layer.profile.payment;
    else profile.remedies = layer.profile.remedies;
  }
  return { profile, sources };
}

/** Digits, spaces, + - / 、 , and brackets, e.g. 0952-2011234, 12333, (0952)2011234 转 801. */
const PHONE = /^[0-9+\-/()（）\s、,，转]+$/u;
/** Bank account numbers: digits, optionally grouped by spaces or hyphens. */
const ACCOUNT = /^[0-9\s-]+$/u;
const digits = (value: string) => value.replace(/\D/gu, '').length;

/** Collects every problem of an input, so that one answer names them all. */
class Problems {
  readonly list: string[] = [];

  text(label: string, max: number, value: string | undefined, format?: { test: (v: string) => boolean; hint: string }) {
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    if (trimmed === '') this.list.push(`${label}不能为空白(不需要时不填)`);
    else if ([...trimmed].length > max) this.list.push(`${label}不能超过 ${max} 个字`);
    else if (format && !format.test(trimmed)) this.list.push(`${label}「${trimmed}」${format.hint}`);
    else return trimmed;
    return undefined;
  }

  days(label: string, value: number | undefined) {
    if (value === undefined) return undefined;
    if (Number.isInteger(value) && value >= 1 && value <= 99) return value;
    this.list.push(`${label}应为 1 至 99 的整数`);
    return undefined;
  }
}

const phoneFormat = { test: (v: string) => PHONE.test(v) && digits(v) >= 3, hint: '不是有效的电话号码' };
const accountFormat = { test: (v: string) => ACCOUNT.test(v) && digits(v) >= 6, hint: '应为数字(可用空格或“-”分组)' };

/** The object without its undefined members, or undefined when nothing is left (the part is not set). */
function compact<T extends object>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T);
}

/**
 * Checks and tidies a profile to store: texts trimmed, none blank, lengths bounded, 联系电话 and 账号
 * well-formed, 缴纳期限 a whole number of days. A part without any field is dropped (it is inherited).
 * Throws 400 `invalid_unit_profile` naming every problem.
 */
export function normalizeUnitProfile(input: UnitProfile): UnitProfile {
  const p = new Problems();
  const { contact: c, payment: pay, remedies: r } = input;
  const contact =
    c &&
    compact({
      person: p.text('联系人', 50, c.person),
      phone: p.text('联系电话', 40, c.phone, phoneFormat),
      address: p.text('联系地址', 300, c.address),
    });
  const payment =
    pay &&
    compact({
      bank: p.text('开户银行', 200, pay.bank),
      accountName: p.text('收款户名', 200, pay.accountName),
      account: p.text('收款账号', 64, pay.account, accountFormat),
      deadlineDays: p.days('缴纳期限(日)', pay.deadlineDays),
    });
  const remedies =
    r &&
    compact({
      reconsiderationBody: p.text('行政复议机关', 200, r.reconsiderationBody),
      reconsiderationPeriod: p.text('复议期限', 20, r.reconsiderationPeriod),
      litigationCourt: p.text('行政诉讼管辖法院', 200, r.litigationCourt),
      litigationPeriod: p.text('起诉期限', 20, r.litigationPeriod),
    });
  if (p.list.length > 0) throw invalid('invalid_unit_profile', `文书固定信息填写有误:${p.list.join(';')}`, p.list);
  return compact({ contact, payment, remedies }) ?? {};
}

function jsonRecord(value: object): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const [key, v] of Object.entries(value)) if (typeof v === 'string' || typeof v === 'number') out[key] = v;
  return out;
}

/** A profile as JSON for storage and events (only the parts that are set). */
export function profileJson(profile: UnitProfile): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const part of PROFILE_PARTS) {
    const value = profile[part];
    if (value) out[part] = jsonRecord(value);
  }
  return out;
}

/** A stored profile (written by `profileJson`, so trusted). */
export function parseProfile(text: string): UnitProfile {
  return JSON.parse(text) as UnitProfile;
}

export const isEmptyProfile = (profile: UnitProfile) => PROFILE_PARTS.every((part) => profile[part] === undefined);

/** A unit in the 文书设置 list: its own profile and where each part of its effective profile comes from. */
export interface UnitProfileListItem {
  unitId: string;
  unitName: string;
  parentId: string | null;
  /** The unit's own profile, or null when it sets none (everything is inherited). */
  profile: UnitProfile | null;
  updatedAt: string | null;
  sources: ProfileSources;
}

/** One unit's profile: its own, the effective one (own parts, the rest inherited) and the source of each part. */
export interface UnitProfileView {
  unitId: string;
  unitName: string;
  own: UnitProfile | null;
  updatedAt: string | null;
  effective: UnitProfile;
  sources: ProfileSources;
}
