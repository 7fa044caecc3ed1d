import type { Trx } from '../../platform/db/transaction.js';
import { invalid } from '../../platform/errors.js';
import { checkLegalBases, required } from './data-checks.js';
import type { KindDef } from './kinds.js';
import { unitExists } from './repository.js';
import { CATEGORIES, type ItemData, LIMIT_UNITS } from './vocabulary.js';

export {
  CATEGORIES,
  type ItemData,
  type LegalBasis,
  LIMIT_UNITS,
  type Remedy,
  STATUS_LABELS,
  type Step,
  type TimeLimit,
  VERSION_STATUSES,
} from './vocabulary.js';

/** Checks an item's data and trims it; every problem is a 400 with a Chinese message. */
export async function checkItemData(trx: Trx, data: ItemData): Promise<ItemData> {
  if (!CATEGORIES.some((c) => c === data.category)) throw invalid('invalid_category', `事项类别应为${CATEGORIES.join('、')}之一`);
  for (const limit of [data.statutoryLimit, data.promisedLimit]) {
    if (!LIMIT_UNITS.some((u) => u === limit.unit)) throw invalid('invalid_time_limit_unit', '办理时限单位应为「工作日」或「日」');
  }
  if (data.promisedLimit.unit === data.statutoryLimit.unit && data.promisedLimit.value > data.statutoryLimit.value) {
    throw invalid('promised_exceeds_statutory', '承诺办理时限不能长于法定办理时限');
  }
  const legalBases = checkLegalBases(data.legalBases, '法律依据', true);
  const steps = data.steps.map((s) => ({
    name: required(s.name, 'step_name_required', '办理环节名称'),
    role: required(s.role, 'step_role_required', '办理环节的承办岗位'),
    timeLimit: s.timeLimit.trim(),
  }));
  if (steps.length === 0) throw invalid('steps_required', '请填写至少一个办理环节');
  if (new Set(steps.map((s) => s.name)).size !== steps.length) throw invalid('duplicate_step', '办理环节名称不能重复');
  if (!(await unitExists(trx, data.unitId))) throw invalid('unit_not_found', '实施主体(承办单位)不存在');
  return {
    name: required(data.name, 'name_required', '事项名称'),
    category: data.category,
    unitId: data.unitId,
    legalBases,
    acceptingBody: data.acceptingBody.trim(),
    approvingBody: data.approvingBody.trim(),
    conditions: data.conditions.trim(),
    materials: data.materials.map((m) => m.trim()).filter((m) => m !== ''),
    statutoryLimit: data.statutoryLimit,
    promisedLimit: data.promisedLimit,
    fees: data.fees.trim(),
    steps,
    remedies: data.remedies.map((r) => ({
      channel: required(r.channel, 'remedy_channel_required', '救济途径'),
      period: required(r.period, 'remedy_period_required', '救济期限'),
    })),
    supervision: data.supervision.trim(),
    complaint: data.complaint.trim(),
  };
}

export const itemKind: KindDef<ItemData> = {
  kind: 'item',
  label: '执法事项',
  subject: 'catalog_item',
  categories: CATEGORIES,
  check: checkItemData,
  summary: (d) => ({ name: d.name, category: d.category, unitId: d.unitId, refCode: null }),
};
