import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import { entryVersion, explainReviewRule, type ItemData, itemKind, type ReviewRuleData, reviewRulesInForce } from '../catalog/index.js';
import type { BenchmarkChoice, CaseData, Penalty } from './case-data.js';
import * as repo from './repository.js';

// Whether a decision needs 法制审核: the 重大执法决定法制审核目录 in force, evaluated against the case, with
// each matching rule named and explained. (The review itself and its gate on the decision are the
// legal-review module's.)

export interface MatchedRule {
  code: string;
  versionId: string;
  name: string;
  explanation: string;
}

export interface ReviewFacts {
  itemCode: string;
  itemCategory: string;
  partyKinds: readonly string[];
  penalty: Penalty;
  benchmark: BenchmarkChoice | null;
  heard: boolean;
  /** 承办机构负责人认定为重大 (the manual flag). */
  manual: boolean;
}

/** Does one rule of the catalogue match these facts? */
export function ruleMatches(rule: ReviewRuleData, f: ReviewFacts): boolean {
  const fine = f.penalty.fineYuan ?? 0;
  switch (rule.ruleType) {
    case 'item':
      return rule.itemCodes.includes(f.itemCode);
    case 'category':
      return rule.categories.includes(f.itemCategory);
    case 'fine_threshold':
      return f.partyKinds.some((kind) => {
        const threshold = kind === 'organization' ? rule.organizationFine : rule.naturalPersonFine;
        return threshold !== null && fine >= threshold;
      });
    case 'penalty_type':
      return f.penalty.types.some((t) => rule.penaltyTypes.includes(t));
    case 'after_hearing':
      return f.heard;
    case 'benchmark_departure':
      return f.benchmark !== null && !f.benchmark.withinTier;
    case 'manual':
      return f.manual;
    default:
      // 案情复杂 is a person's judgement: it reaches the case through the manual flag.
      return false;
  }
}

export async function determineReview(
  db: Kysely<Database> | Trx,
  c: { itemCode: string; itemVersionId: string; partyKinds: readonly string[]; heard: boolean; manual: boolean },
  penalty: Penalty,
  benchmark: BenchmarkChoice | null,
): Promise<MatchedRule[]> {
  const item = await entryVersion<ItemData>(db, itemKind, c.itemVersionId);
  const facts: ReviewFacts = { ...c, itemCategory: item?.data.category ?? '', penalty, benchmark };
  return (await reviewRulesInForce(db))
    .filter((r) => ruleMatches(r.data, facts))
    .map((r) => ({ code: r.code, versionId: r.versionId, name: r.data.name, explanation: explainReviewRule(r.data) }));
}

/**
 * The whole determination for a penalty on a case: the matching catalogue rules, a departure from the
 * benchmark and the unit head's flag, each as one sentence. Used when a penalty is notified or decided,
 * and when one is proposed for review; the review's own state (status, what it cleared) is kept.
 */
export async function determinationFor(
  db: Kysely<Database> | Trx,
  row: { id: string; item_code: string; item_version_id: string },
  data: CaseData,
  penalty: Penalty,
  benchmark: BenchmarkChoice,
): Promise<CaseData['review']> {
  const parties = await repo.listParties(db, row.id);
  const manual = data.review.manual === true;
  const rules = await determineReview(
    db,
    {
      itemCode: row.item_code,
      itemVersionId: row.item_version_id,
      partyKinds: parties.map((p) => p.kind),
      heard: typeof data.hearing?.heldOn === 'string',
      manual,
    },
    penalty,
    benchmark,
  );
  const reasons = [
    ...rules.map((r) => `${r.code} ${r.name}:${r.explanation}`),
    ...(benchmark.withinTier ? [] : [`偏离裁量基准 ${benchmark.code} 第 ${benchmark.tierNo} 阶次:${benchmark.departureReason}`]),
    ...(manual ? ['承办机构负责人认定为重大执法决定'] : []),
  ];
  return { ...data.review, required: reasons.length > 0, reasons: [...new Set(reasons)], rules, manual };
}
