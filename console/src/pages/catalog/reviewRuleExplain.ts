export { explainReviewRule } from '../../../../src/modules/catalog/vocabulary';

/** Which optional fields each rule type uses (the server clears the others). */
export const RULE_TYPE_FIELDS: Readonly<Record<string, readonly ('itemCodes' | 'categories' | 'fines' | 'penaltyTypes')[]>> = {
  item: ['itemCodes'],
  category: ['categories'],
  fine_threshold: ['fines'],
  penalty_type: ['penaltyTypes'],
};
