import type { Trx } from '../../platform/db/transaction.js';
import { invalid } from '../../platform/errors.js';
import { textList } from './data-checks.js';
import type { KindDef } from './kinds.js';
import { itemStepNames, unitExists } from './repository.js';
import { AV_RECORD_CATEGORIES, AV_REQUIREMENT_LABELS, AV_REQUIREMENTS, type AvRuleData } from './vocabulary.js';

export { AV_RECORD_CATEGORIES, AV_REQUIREMENT_LABELS, AV_REQUIREMENTS, type AvRuleData } from './vocabulary.js';

export async function checkAvRuleData(trx: Trx, data: AvRuleData): Promise<AvRuleData> {
  if (!AV_REQUIREMENTS.some((r) => r === data.requirement))
    throw invalid('invalid_av_requirement', '音像记录要求应为全程音像记录、根据需要或不需要');
  if (!AV_RECORD_CATEGORIES.some((c) => c === data.recordCategory)) {
    throw invalid('invalid_record_category', `音像记录类别应为${AV_RECORD_CATEGORIES.join('、')}之一`);
  }
  const itemCode = data.itemCode.trim();
  const steps = await itemStepNames(trx, itemCode);
  if (steps === undefined) throw invalid('item_not_found', `执法事项「${itemCode}」不存在`);
  const step = data.step.trim();
  if (!steps.includes(step))
    throw invalid('step_not_found', `执法事项「${itemCode}」没有「${step}」这一办理环节(现有:${steps.join('、')})`);
  const devices = textList(data.devices);
  if (data.requirement !== 'not_required' && devices.length === 0) throw invalid('devices_required', '需要音像记录的环节请填写记录设备');
  if (!(await unitExists(trx, data.unitId))) throw invalid('unit_not_found', '实施单位不存在');
  return {
    itemCode,
    step,
    unitId: data.unitId,
    requirement: data.requirement,
    recordCategory: data.recordCategory,
    devices,
    retentionMonths: data.retentionMonths,
    notes: data.notes.trim(),
  };
}

export const avRuleKind: KindDef<AvRuleData> = {
  kind: 'av_rule',
  label: '音像记录事项',
  subject: 'catalog_av_rule',
  categories: AV_RECORD_CATEGORIES,
  check: checkAvRuleData,
  summary: (d) => ({ name: d.step, category: d.recordCategory, unitId: d.unitId, refCode: d.itemCode }),
  publicExtras: (d) => ({ requirementLabel: AV_REQUIREMENT_LABELS[d.requirement] ?? d.requirement }),
};
