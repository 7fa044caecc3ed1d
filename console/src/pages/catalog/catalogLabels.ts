/**
 * The fixed values of the catalogue's data come from the server's own vocabulary module; this file
 * adds what only the console needs (device suggestions, status tags, select options).
 */

export {
  AV_RECORD_CATEGORIES,
  AV_REQUIREMENT_LABELS,
  CATEGORIES as ITEM_CATEGORIES,
  FINE_UNITS,
  LIMIT_UNITS,
  PENALTY_TYPES,
  REVIEW_RULE_TYPE_LABELS,
  TIER_LEVELS,
} from '../../../../src/modules/catalog/vocabulary';

/** Devices offered in the picker; any other may be typed in. */
export const AV_DEVICE_SUGGESTIONS = ['执法记录仪', '录音笔', '照相机', '摄像机', '移动执法终端', '询问室同步录音录像系统'] as const;

export const STATUS_TAGS: Readonly<Record<string, { label: string; color: string }>> = {
  draft: { label: '草稿', color: 'orange' },
  published: { label: '现行', color: 'green' },
  superseded: { label: '已被替代', color: 'default' },
};

export const statusTag = (status: string) => STATUS_TAGS[status] ?? { label: status, color: 'default' };

export const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
export const labelOptions = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
