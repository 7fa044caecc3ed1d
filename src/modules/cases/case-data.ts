// The facts of a case kept as JSON (cases.data and case_steps.data). Written only by this module.

export const PARTY_KINDS = ['natural', 'organization'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export interface PartyInput {
  kind: PartyKind;
  name: string;
  /** 身份证号码 (natural person) or 统一社会信用代码 (organisation). */
  idNo: string;
  address: string;
  /** 法定代表人或负责人 (organisations). */
  legalRepresentative: string;
  phone: string;
}

/** 案源登记: what registering a case takes. */
export interface RegisterCaseInput {
  title: string;
  unitId: string;
  procedure: 'general' | 'simple';
  source: string;
  itemCode: string;
  receivedOn: string;
  summary: string;
  parties: PartyInput[];
  officers: { officerId: string; role: 'lead' | 'assist' }[];
}

export interface Penalty {
  /** 行政处罚的种类 (PENALTY_TYPES of the catalogue). */
  types: string[];
  /** The fine in yuan, when 罚款 is among the types. */
  fineYuan: number | null;
  /** What a per-person or multiple-based tier counts: workers affected, or the amount owed (yuan). */
  basisQuantity: number | null;
  /** 处罚内容 in words. */
  description: string;
}

/** The benchmark tier a penalty applies (裁量基准适用情况), and why when it departs from the tier. */
export interface BenchmarkChoice {
  code: string;
  versionId: string;
  tierNo: number;
  tierLevel: string;
  /** The tier's range in yuan for this case, when the tier has one. */
  rangeYuan: [number, number] | null;
  withinTier: boolean;
  departureReason: string;
}

export interface Deadline {
  kind: string;
  label: string;
  /** null while the holiday schedule of the year it falls in is not yet entered (期限待定). */
  due: string | null;
  closedOn: string | null;
  /** What the due date is computed from, so a pending one can be computed once the year is loaded. */
  from: string;
  days: number;
  unit: 'working' | 'calendar';
}

export interface Service {
  method: string;
  servedOn: string;
  recipient: string;
  evidenceIds: string[];
}

export interface CaseData {
  summary: string;
  itemName: string;
  itemVersionNo: number;
  deadlines: Deadline[];
  investigationExtended: boolean;
  notice: { penalty: Penalty; benchmark: BenchmarkChoice; notifiedOn: string; service: Service | null; rightsWaived: boolean } | null;
  hearing: { requestedOn: string; noticeOn: string | null; heldOn: string | null; presiderOfficerId: string | null } | null;
  decision: { penalty: Penalty; benchmark: BenchmarkChoice | null; decidedOn: string; collective: boolean; service: Service | null } | null;
  /**
   * 法制审核 determination: required when a rule of the catalogue in force matches (named in `rules`),
   * the benchmark was departed from, or the unit head flagged the case; `reasons` says each in a sentence.
   */
  review: {
    required: boolean;
    reasons: string[];
    rules?: { code: string; versionId: string; name: string; explanation: string }[];
    manual?: boolean;
  };
}

export const SERVICE_METHODS = ['直接送达', '留置送达', '邮寄送达', '电子送达', '公告送达'] as const;
