import type { Trx } from '../../platform/db/transaction.js';
import { invalid } from '../../platform/errors.js';
import { checkLegalBases, required } from './data-checks.js';
import type { KindDef } from './kinds.js';
import { itemCodeExists, unitExists } from './repository.js';
import { type BenchmarkData, type BenchmarkTier, FINE_UNITS, TIER_LEVELS } from './vocabulary.js';

export { type BenchmarkData, type BenchmarkTier, FINE_UNITS, TIER_LEVELS } from './vocabulary.js';

function checkTier(tier: BenchmarkTier, index: number): BenchmarkTier {
  const at = `第 ${index + 1} 个裁量阶次`;
  if (!TIER_LEVELS.some((l) => l === tier.level)) throw invalid('invalid_tier_level', `${at}的裁量等级应为${TIER_LEVELS.join('、')}之一`);
  if (!FINE_UNITS.some((u) => u === tier.fineUnit))
    throw invalid('invalid_fine_unit', `${at}的罚款计算单位应为${FINE_UNITS.join('、')}之一`);
  const { fineMin, fineMax } = tier;
  if ((fineMin === null) !== (fineMax === null)) throw invalid('fine_range_incomplete', `${at}的罚款幅度应同时填写下限和上限,或都不填`);
  if (fineMin !== null && fineMax !== null && fineMin > fineMax) throw invalid('fine_range_inverted', `${at}的罚款下限不能高于上限`);
  return {
    level: tier.level,
    conditions: required(tier.conditions, 'tier_conditions_required', `${at}的适用情形`),
    penalty: required(tier.penalty, 'tier_penalty_required', `${at}的处罚内容`),
    fineMin,
    fineMax,
    fineUnit: tier.fineUnit,
  };
}

export async function checkBenchmarkData(trx: Trx, data: BenchmarkData): Promise<BenchmarkData> {
  const tiers = data.tiers.map(checkTier);
  if (tiers.length === 0) throw invalid('tiers_required', '请填写至少一个裁量阶次');
  const itemCode = data.itemCode.trim();
  if (itemCode !== '' && !(await itemCodeExists(trx, itemCode))) throw invalid('item_not_found', `执法事项「${itemCode}」不存在`);
  if (!(await unitExists(trx, data.unitId))) throw invalid('unit_not_found', '适用单位不存在');
  if ((data.firstViolationExempt || data.minorExempt) && data.exemptConditions.trim() === '') {
    throw invalid('exempt_conditions_required', '适用首违不罚或轻微不罚时,请写明不予处罚的条件');
  }
  return {
    name: required(data.name, 'name_required', '违法行为'),
    category: required(data.category, 'category_required', '违法行为类别'),
    unitId: data.unitId,
    itemCode,
    violationBases: checkLegalBases(data.violationBases, '违法依据', true),
    penaltyBases: checkLegalBases(data.penaltyBases, '处罚依据', true),
    statutoryRange: required(data.statutoryRange, 'statutory_range_required', '法定处罚种类和幅度'),
    tiers,
    firstViolationExempt: data.firstViolationExempt,
    minorExempt: data.minorExempt,
    exemptConditions: data.exemptConditions.trim(),
    notes: data.notes.trim(),
  };
}

export const benchmarkKind: KindDef<BenchmarkData> = {
  kind: 'benchmark',
  label: '裁量基准',
  subject: 'catalog_benchmark',
  check: checkBenchmarkData,
  summary: (d) => ({ name: d.name, category: d.category, unitId: d.unitId, refCode: d.itemCode === '' ? null : d.itemCode }),
};
