import type { Trx } from '../../platform/db/transaction.js';
import { invalid } from '../../platform/errors.js';
import { required, textList } from './data-checks.js';
import type { KindDef } from './kinds.js';
import { itemCodeExists, unitExists } from './repository.js';
import {
  CATEGORIES,
  explainReviewRule,
  PENALTY_TYPES,
  REVIEW_RULE_TYPE_LABELS,
  REVIEW_RULE_TYPES,
  type ReviewRuleData,
} from './vocabulary.js';

export {
  explainReviewRule,
  PENALTY_TYPES,
  REVIEW_RULE_TYPE_LABELS,
  REVIEW_RULE_TYPES,
  type ReviewRuleData,
  type ReviewRuleType,
} from './vocabulary.js';

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
    category: REVIEW_RULE_TYPE_LABELS[d.ruleType] ?? d.ruleType,
    unitId: d.unitId,
    refCode: null,
  }),
  publicExtras: (d) => ({
    ruleTypeLabel: REVIEW_RULE_TYPE_LABELS[d.ruleType] ?? d.ruleType,
    explanation: explainReviewRule(d),
  }),
};
