import type { PartSource, ProfilePart, UnitProfile, UnitProfileView } from '../../api/documentSettings';

/** The three parts of 文书固定信息, their fields and labels (the same labels as the case document forms). */

export interface ProfileField {
  key: string;
  label: string;
  max: number;
  kind: 'text' | 'days';
  placeholder?: string;
}

export const PARTS: readonly ProfilePart[] = ['contact', 'payment', 'remedies'];

export const PART_LABELS: Readonly<Record<ProfilePart, string>> = { contact: '联系方式', payment: '罚款缴纳', remedies: '救济途径' };

export const PART_HINTS: Readonly<Record<ProfilePart, string>> = {
  contact: '印在调查询问通知书、事先告知书、催告书等文书上',
  payment: '印在行政处罚决定书、催告书上(罚缴分离)',
  remedies: '印在行政处罚决定书、行政处理决定书、限期改正指令书上',
};

export const PART_FIELDS: Readonly<Record<ProfilePart, readonly ProfileField[]>> = {
  contact: [
    { key: 'person', label: '联系人', max: 50, kind: 'text' },
    { key: 'phone', label: '联系电话', max: 40, kind: 'text', placeholder: '如 0952-2011234' },
    { key: 'address', label: '联系地址', max: 300, kind: 'text' },
  ],
  payment: [
    { key: 'bank', label: '罚款缴纳银行', max: 200, kind: 'text' },
    { key: 'accountName', label: '收款户名', max: 200, kind: 'text' },
    { key: 'account', label: '收款账号', max: 64, kind: 'text', placeholder: '数字,可用空格分组' },
    { key: 'deadlineDays', label: '缴纳期限(日)', max: 2, kind: 'days', placeholder: '不填为 15 日' },
  ],
  remedies: [
    { key: 'reconsiderationBody', label: '行政复议机关', max: 200, kind: 'text' },
    { key: 'reconsiderationPeriod', label: '复议期限', max: 20, kind: 'text', placeholder: '不填为六十日' },
    { key: 'litigationCourt', label: '行政诉讼管辖法院', max: 200, kind: 'text' },
    { key: 'litigationPeriod', label: '起诉期限', max: 20, kind: 'text', placeholder: '不填为六个月' },
  ],
};

type FieldValue = string | number | null | undefined;
export type PartValues = Record<string, FieldValue>;

/** The form: per part whether the unit sets it itself, and the fields' values. */
export interface ProfileFormValues {
  own: Record<ProfilePart, boolean>;
  contact: PartValues;
  payment: PartValues;
  remedies: PartValues;
}

/** A part of a profile as a plain record of its fields (each part is an object of strings and numbers). */
export function partValues(profile: UnitProfile | null | undefined, part: ProfilePart): PartValues {
  const value = profile?.[part];
  if (!value) return {};
  const out: PartValues = {};
  for (const [key, v] of Object.entries(value)) if (typeof v === 'string' || typeof v === 'number') out[key] = v;
  return out;
}

/** Starts from what documents print now: own parts to edit, inherited ones shown (and copied when the unit takes one over). */
export function formValues(view: UnitProfileView): ProfileFormValues {
  return {
    own: { contact: !!view.own?.contact, payment: !!view.own?.payment, remedies: !!view.own?.remedies },
    contact: partValues(view.effective, 'contact'),
    payment: partValues(view.effective, 'payment'),
    remedies: partValues(view.effective, 'remedies'),
  };
}

/** Only the fields filled in (texts trimmed); null when nothing is. */
function filled(part: ProfilePart, values: PartValues): Record<string, string | number> | null {
  const out: Record<string, string | number> = {};
  for (const field of PART_FIELDS[part]) {
    const v = values[field.key];
    if (typeof v === 'number') out[field.key] = v;
    else if (typeof v === 'string' && v.trim() !== '') out[field.key] = v.trim();
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** The body of PUT: the parts the unit sets itself, with their filled-in fields; the others are inherited. */
export function toProfile(values: ProfileFormValues): UnitProfile {
  const profile: UnitProfile = {};
  for (const part of PARTS) {
    if (!values.own[part]) continue;
    const fields = filled(part, values[part] ?? {});
    // The server checks every value; the shapes are those of PART_FIELDS.
    if (fields) Object.assign(profile, { [part]: fields });
  }
  return profile;
}

/** 本单位设置 / 沿用「上级」 / 未设置, for a part of a unit. */
export function sourceText(source: PartSource | null, unitId: string): string {
  if (!source) return '未设置';
  return source.unitId === unitId ? '本单位设置' : `沿用「${source.unitName}」`;
}

/** A part's values as one line, e.g. "张明 · 0952-2011234 · …". */
export function partSummary(profile: UnitProfile | null | undefined, part: ProfilePart): string {
  const values = partValues(profile, part);
  return PART_FIELDS[part]
    .flatMap((f) => {
      const v = values[f.key];
      if (v === undefined || v === null || v === '') return [];
      return [f.kind === 'days' ? `${v} 日内缴纳` : String(v)];
    })
    .join(' · ');
}
