import dayjs, { type Dayjs } from 'dayjs';
import { ALL, type Algorithm, type PlanInput, type PlanView, RISK_CLASSES, type RiskClass, type SamplingMode } from '../../api/inspections';

/** The plan form's values: dates as dayjs, sampling split into its toggles. */
export interface PlanFormValues {
  title: string;
  year: number;
  unitId: string;
  description?: string;
  itemCodes: string[];
  regions?: string[];
  industries?: string[];
  riskClasses?: RiskClass[];
  samplingMode: SamplingMode;
  /** 按风险分类: one value per risk class; else one for all. */
  tiered: boolean;
  uniform?: number | null;
  perClass?: Partial<Record<RiskClass, number | null>>;
  teamSize: number;
  maxTasksPerInspector?: number | null;
  field: string;
  algorithm: Algorithm;
  sources: { name: string; description?: string }[];
  drawOn: Dayjs;
  inspectFrom: Dayjs;
  inspectTo: Dayjs;
  ownCode: boolean;
  commitment?: string;
}

const DAY = 'YYYY-MM-DD';

/** The risk classes a tiered plan gives values for: those filtered on, or all four. */
export const tieredClasses = (selected: readonly RiskClass[] | undefined): RiskClass[] =>
  selected && selected.length > 0 ? RISK_CLASSES.filter((c) => selected.includes(c)) : [...RISK_CLASSES];

export function newPlanValues(unitId: string, today: string): Partial<PlanFormValues> {
  const day = dayjs(today);
  return {
    year: day.year(),
    unitId,
    itemCodes: [],
    samplingMode: 'percent',
    tiered: false,
    uniform: 5,
    teamSize: 2,
    maxTasksPerInspector: null,
    field: '劳动保障监察',
    algorithm: 'vrs',
    sources: [{ name: '', description: '' }],
    drawOn: day.add(1, 'day'),
    inspectFrom: day.add(1, 'day'),
    inspectTo: day.add(1, 'month'),
    ownCode: false,
  };
}

export function planValues(plan: PlanView): Partial<PlanFormValues> {
  const values = plan.sampling.values;
  const tiered = !(Object.keys(values).length === 1 && ALL in values);
  const perClass: Partial<Record<RiskClass, number>> = {};
  for (const c of RISK_CLASSES) if (c in values) perClass[c] = values[c];
  return {
    title: plan.title,
    year: plan.year,
    unitId: plan.unitId,
    description: plan.description,
    itemCodes: plan.items.map((i) => i.code),
    regions: plan.filter.regions,
    industries: plan.filter.industries,
    riskClasses: plan.filter.riskClasses,
    samplingMode: plan.sampling.mode === 'count' ? 'count' : 'percent',
    tiered,
    uniform: tiered ? null : (values[ALL] ?? null),
    perClass,
    teamSize: plan.teamSize,
    maxTasksPerInspector: plan.maxTasksPerInspector,
    field: plan.field,
    algorithm: plan.algorithm,
    sources: plan.sources.map((s) => ({ name: s.name, description: s.description })),
    drawOn: dayjs(plan.drawOn),
    inspectFrom: dayjs(plan.inspectFrom),
    inspectTo: dayjs(plan.inspectTo),
    ownCode: plan.externalCode,
    commitment: plan.externalCode ? (plan.commitment ?? '') : '',
  };
}

function samplingValues(v: PlanFormValues): Record<string, number> {
  if (!v.tiered) return { [ALL]: v.uniform ?? 0 };
  const out: Record<string, number> = {};
  for (const c of tieredClasses(v.riskClasses)) {
    const value = v.perClass?.[c];
    if (value !== undefined && value !== null) out[c] = value;
  }
  return out;
}

export function toPlanInput(v: PlanFormValues): PlanInput {
  return {
    title: v.title.trim(),
    year: v.year,
    unitId: v.unitId,
    description: (v.description ?? '').trim(),
    itemCodes: v.itemCodes,
    regions: v.regions ?? [],
    industries: v.industries ?? [],
    riskClasses: v.riskClasses ?? [],
    sampling: { mode: v.samplingMode, values: samplingValues(v) },
    teamSize: v.teamSize,
    maxTasksPerInspector: v.maxTasksPerInspector ?? null,
    field: v.field.trim(),
    algorithm: v.algorithm,
    sources: v.sources.map((s) => ({ name: s.name.trim(), description: (s.description ?? '').trim() })),
    drawOn: v.drawOn.format(DAY),
    inspectFrom: v.inspectFrom.format(DAY),
    inspectTo: v.inspectTo.format(DAY),
    commitment: v.ownCode ? (v.commitment ?? '').trim().toLowerCase() : null,
  };
}

/** 「全部 5%」 or 「A 类 3%、B 类 5%」: a plan's sampling in words. */
export function samplingText(sampling: PlanView['sampling']): string {
  const unit = sampling.mode === 'count' ? ' 户' : '%';
  return Object.entries(sampling.values)
    .map(([k, v]) => (k === ALL ? `全部 ${v}${unit}` : `${k} 类 ${v}${unit}`))
    .join('、');
}
