/**
 * The fixed values of the catalogue's data, with their Chinese labels, as the server checks them
 * (src/modules/catalog/*-data.ts). A value the server adds later is shown as its raw code.
 */

/** 事项类别 (权责清单). */
export const ITEM_CATEGORIES = ['行政许可', '行政处罚', '行政强制', '行政征收征用', '行政检查', '行政确认', '行政给付', '其他'] as const;
export const LIMIT_UNITS = ['工作日', '日'] as const;

/** 裁量阶次, from least to most serious. */
export const TIER_LEVELS = ['轻微', '一般', '较重', '严重'] as const;
export const FINE_UNITS = ['元', '元/人', '倍'] as const;

export const AV_REQUIREMENT_LABELS: Readonly<Record<string, string>> = {
  mandatory: '全程音像记录',
  as_needed: '根据需要音像记录',
  not_required: '不需要音像记录',
};
export const AV_RECORD_CATEGORIES = ['入户类', '场景类', '约谈类', '确认类'] as const;
/** Devices offered in the picker; any other may be typed in. */
export const AV_DEVICE_SUGGESTIONS = ['执法记录仪', '录音笔', '照相机', '摄像机', '移动执法终端', '询问室同步录音录像系统'] as const;

export const REVIEW_RULE_TYPE_LABELS: Readonly<Record<string, string>> = {
  item: '指定事项',
  category: '事项类别',
  fine_threshold: '较大数额罚款',
  penalty_type: '处罚种类',
  after_hearing: '听证后决定',
  benchmark_departure: '偏离裁量基准或减轻处罚',
  complex: '案情复杂',
  manual: '负责人认定',
};

/** 行政处罚的种类 (行政处罚法 §9) plus 没收较大数额财物. */
export const PENALTY_TYPES = [
  '警告',
  '通报批评',
  '罚款',
  '没收违法所得',
  '没收非法财物',
  '没收较大数额财物',
  '暂扣许可证件',
  '降低资质等级',
  '吊销许可证件',
  '限制开展生产经营活动',
  '责令停产停业',
  '责令关闭',
  '限制从业',
] as const;

export const STATUS_TAGS: Readonly<Record<string, { label: string; color: string }>> = {
  draft: { label: '草稿', color: 'orange' },
  published: { label: '现行', color: 'green' },
  superseded: { label: '已被替代', color: 'default' },
};

export const statusTag = (status: string) => STATUS_TAGS[status] ?? { label: status, color: 'default' };

export const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
export const labelOptions = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
