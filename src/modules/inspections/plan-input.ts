import { isIsoDate } from '../../platform/calendar/index.js';
import { ALGORITHMS } from '../../platform/draw/draw.js';
import { invalid } from '../../platform/errors.js';
import { ALL, type PlanData, type PlanSource, RISK_CLASSES, type RiskClass } from './model.js';

// What a plan's author enters, and its checks (the items are resolved by the service).

export interface PlanInput {
  title: string;
  year: number;
  unitId: string;
  description: string;
  itemCodes: string[];
  regions: string[];
  industries: string[];
  riskClasses: string[];
  sampling: { mode: 'percent' | 'count'; values: Record<string, number> };
  teamSize: number;
  maxTasksPerInspector: number | null;
  field: string;
  algorithm: string;
  sources: { name: string; description: string }[];
  drawOn: string;
  inspectFrom: string;
  inspectTo: string;
  /** SHA-256 (hex) of a one-time code kept by the operator; omitted: the platform makes and keeps the code. */
  commitment?: string | null;
}

const clean = (list: readonly string[]) => [...new Set(list.map((s) => s.trim()).filter((s) => s !== ''))];

export function checkPlanInput(input: PlanInput): Omit<PlanData, 'items'> & { title: string } {
  const title = input.title.trim();
  if (title === '') throw invalid('title_required', '请填写计划名称');
  if (input.itemCodes.length === 0) throw invalid('items_required', '请选择至少一个抽查事项');
  if (!Number.isInteger(input.teamSize) || input.teamSize < 2) throw invalid('team_too_small', '每个检查组至少 2 名执法检查人员');
  if (input.maxTasksPerInspector !== null && !(Number.isInteger(input.maxTasksPerInspector) && input.maxTasksPerInspector >= 1))
    throw invalid('max_tasks_invalid', '每人最多任务数应为正整数');
  const riskClasses = clean(input.riskClasses);
  const badClass = riskClasses.find((c) => !RISK_CLASSES.some((r) => r === c));
  if (badClass) throw invalid('risk_class_invalid', `风险类别「${badClass}」不存在,应为 ${RISK_CLASSES.join('、')}`);
  const values = input.sampling.values;
  const keys = Object.keys(values);
  const tiered = !(keys.length === 1 && keys[0] === ALL);
  if (keys.length === 0) throw invalid('sampling_required', '请填写抽查比例或数量');
  if (tiered) {
    const wrong = keys.find((k) => !RISK_CLASSES.some((r) => r === k) || (riskClasses.length > 0 && !riskClasses.includes(k)));
    if (wrong) throw invalid('sampling_class_invalid', `按风险分类抽查时,「${wrong}」不是所选的风险类别`);
  }
  for (const [key, v] of Object.entries(values)) {
    const ok = input.sampling.mode === 'percent' ? v > 0 && v <= 100 : Number.isInteger(v) && v >= 0;
    if (!ok)
      throw invalid(
        'sampling_value_invalid',
        input.sampling.mode === 'percent' ? `「${key}」的抽查比例应大于 0、不超过 100` : `「${key}」的抽查数量应为非负整数`,
      );
  }
  if (!ALGORITHMS.some((a) => a === input.algorithm)) throw invalid('algorithm_invalid', '抽取算法应为 vrs 或 rfc3797');
  const sources: PlanSource[] = input.sources.map((s, i) => {
    const name = s.name.trim();
    if (name === '') throw invalid('source_name_required', `第 ${i + 1} 个随机源须写明名称(如「双色球第2026139期开奖号码」)`);
    return { name, description: s.description.trim(), values: null };
  });
  if (sources.length === 0) throw invalid('source_required', '请事先公告至少一个公开随机源(如彩票开奖号码)');
  for (const [date, what] of [
    [input.drawOn, '抽取日期'],
    [input.inspectFrom, '检查开始日期'],
    [input.inspectTo, '检查结束日期'],
  ] as const) {
    if (!isIsoDate(date)) throw invalid('date_invalid', `${what}应为 YYYY-MM-DD`);
  }
  if (input.inspectTo < input.inspectFrom) throw invalid('inspect_range_invalid', '检查结束日期不能早于开始日期');
  if (input.inspectFrom < input.drawOn) throw invalid('inspect_before_draw', '检查不能早于抽取日期开始');
  if (input.commitment != null && !/^[0-9a-f]{64}$/.test(input.commitment))
    throw invalid('commitment_invalid', '承诺值应为一次性码的 SHA-256(64 位小写十六进制)');
  return {
    title,
    description: input.description.trim(),
    filter: { regions: clean(input.regions), industries: clean(input.industries), riskClasses: riskClasses as RiskClass[] },
    sampling: { mode: input.sampling.mode, values },
    teamSize: input.teamSize,
    maxTasksPerInspector: input.maxTasksPerInspector,
    field: input.field.trim() || '劳动保障监察',
    algorithm: input.algorithm as PlanData['algorithm'],
    sources,
    drawOn: input.drawOn,
    inspectFrom: input.inspectFrom,
    inspectTo: input.inspectTo,
    externalCode: input.commitment != null,
  };
}

/** How many to select from a stratum of `size` under the plan's sampling (percent rounds up). */
export function quotaOf(sampling: PlanData['sampling'], stratum: string, size: number): number {
  const value = sampling.values[stratum] ?? 0;
  if (sampling.mode === 'count') return value;
  return Math.ceil((size * value) / 100);
}
