import type { Trx } from '../../platform/db/transaction.js';
import { invalid } from '../../platform/errors.js';
import { required, textList } from './data-checks.js';
import { CATEGORIES } from './item-data.js';
import type { KindDef } from './kinds.js';
import { itemCodeExists, unitExists } from './repository.js';

/** What a rule of the 重大执法决定法制审核目录 looks at. */
export const REVIEW_RULE_TYPES = [
  'item',
  'category',
  'fine_threshold',
  'penalty_type',
  'after_hearing',
  'benchmark_departure',
  'complex',
  'manual',
] as const;
export type ReviewRuleType = (typeof REVIEW_RULE_TYPES)[number];
export const REVIEW_RULE_TYPE_LABELS: Readonly<Record<ReviewRuleType, string>> = {
  item: '指定事项',
  category: '事项类别',
  fine_threshold: '较大数额罚款',
  penalty_type: '处罚种类',
  after_hearing: '听证后决定',
  benchmark_departure: '偏离裁量基准或减轻处罚',
  complex: '案情复杂',
  manual: '负责人认定',
};

/** 行政处罚的种类 (行政处罚法 §9) plus 没收较大数额财物, which review catalogues name separately. */
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

/** One rule of the catalogue; only the fields its type uses are kept. */
export interface ReviewRuleData {
  name: string;
  ruleType: string;
  /** The unit that maintains the rule (政策法规科). */
  unitId: string;
  itemCodes: string[];
  categories: string[];
  /** Fines at or above these amounts (yuan) are major; null: no threshold for that party type. */
  naturalPersonFine: number | null;
  organizationFine: number | null;
  penaltyTypes: string[];
  /** 依据: the law or local document the rule comes from. */
  basis: string;
  notes: string;
}

const yuan = (n: number): string => (n >= 10000 && n % 10000 === 0 ? `${n / 10000} 万元` : `${n} 元`);

/** The rule in one sentence, as the portal and the determination report state it. */
export function explainReviewRule(d: ReviewRuleData): string {
  switch (d.ruleType as ReviewRuleType) {
    case 'item':
      return `对执法事项 ${d.itemCodes.join('、')} 作出的执法决定,须经法制审核。`;
    case 'category':
      return `${d.categories.join('、')}类执法决定,须经法制审核。`;
    case 'fine_threshold': {
      const parts = [
        d.naturalPersonFine === null ? '' : `对公民处以 ${yuan(d.naturalPersonFine)}以上罚款`,
        d.organizationFine === null ? '' : `对法人或者其他组织处以 ${yuan(d.organizationFine)}以上罚款`,
      ].filter((p) => p !== '');
      return `${parts.join('、')}的,须经法制审核。`;
    }
    case 'penalty_type':
      return `拟作出${d.penaltyTypes.join('、')}决定的,须经法制审核。`;
    case 'after_hearing':
      return '经过听证程序作出的执法决定,须经法制审核。';
    case 'benchmark_departure':
      return '不按行政处罚裁量基准作出决定、或者决定减轻处罚的,须经法制审核。';
    case 'complex':
      return '案件情况疑难复杂、涉及多个法律关系的,须经法制审核。';
    case 'manual':
      return '承办单位负责人认为属于重大执法决定的,须经法制审核。';
  }
}

export async function checkReviewRuleData(trx: Trx, data: ReviewRuleData): Promise<ReviewRuleData> {
  const ruleType = REVIEW_RULE_TYPES.find((t) => t === data.ruleType);
  if (ruleType === undefined) throw invalid('invalid_rule_type', `规则类型应为${Object.values(REVIEW_RULE_TYPE_LABELS).join('、')}之一`);
  const checked: ReviewRuleData = {
    name: required(data.name, 'name_required', '规则名称'),
    ruleType,
    unitId: data.unitId,
    itemCodes: [],
    categories: [],
    naturalPersonFine: null,
    organizationFine: null,
    penaltyTypes: [],
    basis: required(data.basis, 'basis_required', '规则依据'),
    notes: data.notes.trim(),
  };
  if (ruleType === 'item') {
    checked.itemCodes = textList(data.itemCodes);
    if (checked.itemCodes.length === 0) throw invalid('item_codes_required', '「指定事项」规则请列出至少一个执法事项编码');
    for (const code of checked.itemCodes) {
      if (!(await itemCodeExists(trx, code))) throw invalid('item_not_found', `执法事项「${code}」不存在`);
    }
  }
  if (ruleType === 'category') {
    checked.categories = textList(data.categories);
    if (checked.categories.length === 0) throw invalid('categories_required', '「事项类别」规则请选择至少一个类别');
    const unknown = checked.categories.find((c) => !CATEGORIES.some((k) => k === c));
    if (unknown !== undefined) throw invalid('invalid_category', `「${unknown}」不是事项类别;应为${CATEGORIES.join('、')}之一`);
  }
  if (ruleType === 'fine_threshold') {
    checked.naturalPersonFine = data.naturalPersonFine;
    checked.organizationFine = data.organizationFine;
    if (data.naturalPersonFine === null && data.organizationFine === null) {
      throw invalid('threshold_required', '「较大数额罚款」规则请至少填写对公民或对法人和其他组织的罚款数额标准');
    }
  }
  if (ruleType === 'penalty_type') {
    checked.penaltyTypes = textList(data.penaltyTypes);
    if (checked.penaltyTypes.length === 0) throw invalid('penalty_types_required', '「处罚种类」规则请选择至少一种处罚');
    const unknown = checked.penaltyTypes.find((p) => !PENALTY_TYPES.some((k) => k === p));
    if (unknown !== undefined) throw invalid('invalid_penalty_type', `「${unknown}」不是可选的处罚种类`);
  }
  if (!(await unitExists(trx, data.unitId))) throw invalid('unit_not_found', '审核机构不存在');
  return checked;
}

export const reviewRuleKind: KindDef<ReviewRuleData> = {
  kind: 'review_rule',
  label: '法制审核目录规则',
  subject: 'catalog_review_rule',
  categories: Object.values(REVIEW_RULE_TYPE_LABELS),
  check: checkReviewRuleData,
  summary: (d) => ({
    name: d.name,
    category: REVIEW_RULE_TYPE_LABELS[d.ruleType as ReviewRuleType] ?? d.ruleType,
    unitId: d.unitId,
    refCode: null,
  }),
  publicExtras: (d) => ({
    ruleTypeLabel: REVIEW_RULE_TYPE_LABELS[d.ruleType as ReviewRuleType] ?? d.ruleType,
    explanation: explainReviewRule(d),
  }),
};
