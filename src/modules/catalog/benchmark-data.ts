import type { Trx } from '../../platform/db/transaction.js';
import { invalid } from '../../platform/errors.js';
import { checkLegalBases, type LegalBasis, required } from './data-checks.js';
import type { KindDef } from './kinds.js';
import { itemCodeExists, unitExists } from './repository.js';

/** 裁量阶次, from least to most serious. */
export const TIER_LEVELS = ['轻微', '一般', '较重', '严重'] as const;
/** How a tier's fine range is counted: a sum, a sum per affected worker, or a multiple of the amount owed. */
export const FINE_UNITS = ['元', '元/人', '倍'] as const;

export interface BenchmarkTier {
  level: string;
  /** 适用情形: the facts (amount, workers affected, duration, repetition) that place a case in this tier. */
  conditions: string;
  /** 处罚内容 in words (责令改正, 警告, 罚款 …). */
  penalty: string;
  fineMin: number | null;
  fineMax: number | null;
  fineUnit: string;
}

/** 行政处罚裁量基准: one violation, its legal bases, the statutory range and the tiers within it. */
export interface BenchmarkData {
  /** 违法行为. */
  name: string;
  /** 违法行为类别 (工资支付, 社会保险, 劳动用工 …). */
  category: string;
  unitId: string;
  /** The 行政处罚 item this benchmark applies to ('' when none). */
  itemCode: string;
  violationBases: LegalBasis[];
  penaltyBases: LegalBasis[];
  /** 法定处罚种类和幅度. */
  statutoryRange: string;
  tiers: BenchmarkTier[];
  /** 首违不罚 applies when the conditions below are met. */
  firstViolationExempt: boolean;
  /** 轻微不罚. */
  minorExempt: boolean;
  exemptConditions: string;
  notes: string;
}

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
