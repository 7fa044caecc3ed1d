import { Alert } from 'antd';
import type { ReviewRuleData } from '../../../api/catalog';
import { REVIEW_RULE_TYPE_LABELS } from '../catalogLabels';
import { explainReviewRule, RULE_TYPE_FIELDS } from '../reviewRuleExplain';
import { DataTable, Prose, TagList } from './viewBits';

const yuan = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('zh-CN')} 元`);

/** A rule of the 法制审核目录, led by its one-sentence explanation. */
export function ReviewRuleDataView({ data, unitName }: { data: ReviewRuleData; unitName: string }) {
  const uses = RULE_TYPE_FIELDS[data.ruleType] ?? [];
  return (
    <>
      <Alert type="info" showIcon title={explainReviewRule(data)} style={{ marginBottom: 12 }} data-testid="catalog-rule-explanation" />
      <DataTable
        rows={[
          ['规则名称', data.name],
          ['规则类型', REVIEW_RULE_TYPE_LABELS[data.ruleType] ?? data.ruleType],
          ['审核机构', unitName],
          uses.includes('itemCodes') && ['指定执法事项', <TagList key="items" values={data.itemCodes} />],
          uses.includes('categories') && ['事项类别', <TagList key="categories" values={data.categories} />],
          uses.includes('fines') && ['对公民罚款达到', yuan(data.naturalPersonFine)],
          uses.includes('fines') && ['对法人或其他组织', yuan(data.organizationFine)],
          uses.includes('penaltyTypes') && ['处罚种类', <TagList key="penalties" values={data.penaltyTypes} />],
          ['规则依据', <Prose key="basis" text={data.basis} />],
          ['说明', <Prose key="notes" text={data.notes} />],
        ]}
      />
    </>
  );
}
