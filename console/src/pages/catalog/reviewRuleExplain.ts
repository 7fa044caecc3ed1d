import type { ReviewRuleData } from '../../api/catalog';

// The same one-sentence explanation the server gives (explainReviewRule in
// src/modules/catalog/review-rule-data.ts), for the form's live preview. Keep the two in step.

const yuan = (n: number): string => (n >= 10000 && n % 10000 === 0 ? `${n / 10000} 万元` : `${n.toLocaleString('zh-CN')} 元`);

export function explainReviewRule(d: ReviewRuleData): string {
  switch (d.ruleType) {
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
    default:
      return '';
  }
}

/** Which optional fields each rule type uses (the server clears the others). */
export const RULE_TYPE_FIELDS: Readonly<Record<string, readonly ('itemCodes' | 'categories' | 'fines' | 'penaltyTypes')[]>> = {
  item: ['itemCodes'],
  category: ['categories'],
  fine_threshold: ['fines'],
  penalty_type: ['penaltyTypes'],
};
