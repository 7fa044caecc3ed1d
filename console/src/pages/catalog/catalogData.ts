import type {
  AvRuleData,
  BenchmarkData,
  BenchmarkTier,
  CatalogData,
  CatalogKind,
  ItemData,
  LegalBasis,
  ReviewRuleData,
  TimeLimit,
  WindowBoardData,
} from '../../api/catalog';
import { RULE_TYPE_FIELDS } from './reviewRuleExplain';

/**
 * The form of each kind edits its data as the API shapes it. Form values may miss fields (a cleared
 * select, a field the rule type hides), so `formToData` rebuilds exactly the fields the server's strict
 * schema expects, with blanks for what is missing; the server then checks and trims.
 */

type Raw = Readonly<Record<string, unknown>>;

const rec = (v: unknown): Raw => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const arr = (v: unknown): Raw[] => (Array.isArray(v) ? v.map(rec) : []);
/** Non-blank entries of a list of strings (the server refuses empty ones). */
const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [])
    .map(str)
    .map((s) => s.trim())
    .filter((s) => s !== '');

const bases = (v: unknown): LegalBasis[] => arr(v).map((b) => ({ law: str(b.law), article: str(b.article), text: str(b.text) }));
const limit = (v: unknown): TimeLimit => {
  const l = rec(v);
  return { value: num(l.value) ?? 0, unit: str(l.unit) || '工作日' };
};

export const emptyBasis = (): LegalBasis => ({ law: '', article: '', text: '' });
export const emptyTier = (): BenchmarkTier => ({
  level: '一般',
  conditions: '',
  penalty: '',
  fineMin: null,
  fineMax: null,
  fineUnit: '元',
});

function itemData(v: Raw): ItemData {
  return {
    name: str(v.name),
    category: str(v.category),
    unitId: str(v.unitId),
    legalBases: bases(v.legalBases),
    acceptingBody: str(v.acceptingBody),
    approvingBody: str(v.approvingBody),
    conditions: str(v.conditions),
    materials: strings(v.materials),
    statutoryLimit: limit(v.statutoryLimit),
    promisedLimit: limit(v.promisedLimit),
    fees: str(v.fees),
    steps: arr(v.steps).map((s) => ({ name: str(s.name), role: str(s.role), timeLimit: str(s.timeLimit) })),
    remedies: arr(v.remedies).map((r) => ({ channel: str(r.channel), period: str(r.period) })),
    supervision: str(v.supervision),
    complaint: str(v.complaint),
  };
}

function benchmarkData(v: Raw): BenchmarkData {
  return {
    name: str(v.name),
    category: str(v.category),
    unitId: str(v.unitId),
    itemCode: str(v.itemCode),
    violationBases: bases(v.violationBases),
    penaltyBases: bases(v.penaltyBases),
    statutoryRange: str(v.statutoryRange),
    tiers: arr(v.tiers).map((t) => ({
      level: str(t.level),
      conditions: str(t.conditions),
      penalty: str(t.penalty),
      fineMin: num(t.fineMin),
      fineMax: num(t.fineMax),
      fineUnit: str(t.fineUnit) || '元',
    })),
    firstViolationExempt: v.firstViolationExempt === true,
    minorExempt: v.minorExempt === true,
    exemptConditions: str(v.exemptConditions),
    notes: str(v.notes),
  };
}

function avRuleData(v: Raw): AvRuleData {
  return {
    itemCode: str(v.itemCode),
    step: str(v.step),
    unitId: str(v.unitId),
    requirement: str(v.requirement),
    recordCategory: str(v.recordCategory),
    devices: strings(v.devices),
    retentionMonths: num(v.retentionMonths) ?? 0,
    notes: str(v.notes),
  };
}

/** Only the fields the rule type uses are kept, as the server does. */
function reviewRuleData(v: Raw): ReviewRuleData {
  const ruleType = str(v.ruleType);
  const uses = RULE_TYPE_FIELDS[ruleType] ?? [];
  return {
    name: str(v.name),
    ruleType,
    unitId: str(v.unitId),
    itemCodes: uses.includes('itemCodes') ? strings(v.itemCodes) : [],
    categories: uses.includes('categories') ? strings(v.categories) : [],
    naturalPersonFine: uses.includes('fines') ? num(v.naturalPersonFine) : null,
    organizationFine: uses.includes('fines') ? num(v.organizationFine) : null,
    penaltyTypes: uses.includes('penaltyTypes') ? strings(v.penaltyTypes) : [],
    basis: str(v.basis),
    notes: str(v.notes),
  };
}

function windowBoardData(v: Raw): WindowBoardData {
  return {
    name: str(v.name),
    windowNo: str(v.windowNo),
    unitId: str(v.unitId),
    location: str(v.location),
    hours: str(v.hours),
    staff: arr(v.staff).map((s) => ({ name: str(s.name), post: str(s.post), certificateNo: str(s.certificateNo) })),
    duties: strings(v.duties),
    itemCodes: strings(v.itemCodes),
    materials: arr(v.materials).map((m) => ({ name: str(m.name), sample: str(m.sample) })),
    progressQuery: str(v.progressQuery),
    complaint: str(v.complaint),
  };
}

/** A review rule from its form's values (for the live explanation). */
export const reviewRuleFromForm = (values: unknown): ReviewRuleData => reviewRuleData(rec(values));

/** The API body of a kind from its form's values. */
export function formToData(kind: CatalogKind, values: unknown): CatalogData {
  const v = rec(values);
  switch (kind) {
    case 'items':
      return itemData(v);
    case 'benchmarks':
      return benchmarkData(v);
    case 'av-rules':
      return avRuleData(v);
    case 'review-rules':
      return reviewRuleData(v);
    case 'window-boards':
      return windowBoardData(v);
  }
}

/** What a new entry's form starts with: one empty row where the server needs at least one. */
export function emptyData(kind: CatalogKind): CatalogData {
  switch (kind) {
    case 'items':
      return {
        ...itemData({}),
        legalBases: [emptyBasis()],
        steps: [
          { name: '受理', role: '', timeLimit: '' },
          { name: '决定', role: '', timeLimit: '' },
        ],
        materials: [],
      };
    case 'benchmarks':
      return { ...benchmarkData({}), violationBases: [emptyBasis()], penaltyBases: [emptyBasis()], tiers: [emptyTier()] };
    case 'av-rules':
      return { ...avRuleData({}), requirement: 'mandatory', recordCategory: '场景类', devices: ['执法记录仪'], retentionMonths: 6 };
    case 'review-rules':
      return { ...reviewRuleData({}), ruleType: 'item' };
    case 'window-boards':
      return { ...windowBoardData({}), staff: [{ name: '', post: '', certificateNo: '' }], duties: [''] };
  }
}
