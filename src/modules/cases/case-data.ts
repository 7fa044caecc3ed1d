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
  procedure: 'general' | 'simple' | 'inspection';
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
  /** The step a deadline belongs to when a case can hold several of its kind (先行登记保存). */
  ref?: number;
}

export interface Service {
  method: string;
  /** The day service took effect: 公告送达 is deemed served 30 days after publication (民事诉讼法 §95). */
  servedOn: string;
  /** 公告送达: the day the notice was published (servedOn is 30 days later). */
  publishedOn?: string;
  recipient: string;
  evidenceIds: string[];
  /** The issued document served (its 文号 when numbered). */
  documentId?: string;
  documentNumber?: string | null;
  /** 电子送达: the party's signed 送达地址确认书 / consent, filed as evidence of the case. */
  consentEvidenceId?: string;
}

/** 先行登记保存 (行政处罚法 §56): approved, then decided on within 7 working days. */
export interface Preservation {
  /** The step that preserved the evidence. */
  seq: number;
  preservedOn: string;
  items: string;
  disposedOn: string | null;
  disposal: string | null;
}

/** 延期或分期缴纳罚款 approved on the party's application (行政处罚法 §66). */
export interface PaymentPlan {
  kind: '延期' | '分期';
  approvedOn: string;
  installments: { dueOn: string; amountYuan: number }[];
}

/** 催告 (行政强制法 §54): the court may be asked only when the party still has not paid 10 days after service. */
export interface Urge {
  service: Service;
  /** Ten days after service; enforcement may be applied for after this day. */
  dueOn: string | null;
}

/**
 * What became of a decision after it was made (行政处罚法 §48: changed, revoked, found unlawful or void): the
 * published decision is withdrawn within 3 working days, naming this.
 */
export const REVOCATION_KINDS = ['revoked', 'changed', 'unlawful', 'void'] as const;
export type RevocationKind = (typeof REVOCATION_KINDS)[number];
export const REVOCATION_KIND_LABELS: Readonly<Record<RevocationKind, string>> = {
  revoked: '撤销',
  changed: '变更',
  unlawful: '确认违法',
  void: '确认无效',
};

/** The decision still obliges the party (not revoked, not found void). */
export const decisionStands = (d: Pick<CaseData, 'revocation'>): boolean =>
  d.revocation?.kind !== 'revoked' && d.revocation?.kind !== 'void';

export interface Revocation {
  kind: RevocationKind;
  /** Who decided it: 本机关 (自行纠正), the 复议机关 or the 人民法院. */
  authority: string;
  /** The instrument: 行政复议决定书, 判决书 or the agency's own decision, with its 文号. */
  instrument: string;
  on: string;
  reason: string;
}

export interface CaseData {
  summary: string;
  itemName: string;
  itemVersionNo: number;
  deadlines: Deadline[];
  investigationExtended: boolean;
  notice: {
    penalty: Penalty;
    benchmark: BenchmarkChoice;
    notifiedOn: string;
    service: Service | null;
    rightsWaived: boolean;
    /** The penalty is in the hearing scope (行政处罚法 §63): the notice tells of the right to a hearing. */
    hearingOffered?: boolean;
  } | null;
  hearing: { requestedOn: string; noticeOn: string | null; heldOn: string | null; presiderOfficerId: string | null } | null;
  decision: { penalty: Penalty; benchmark: BenchmarkChoice | null; decidedOn: string; collective: boolean; service: Service | null } | null;
  /**
   * 法制审核 determination: required when a rule of the catalogue in force matches (named in `rules`),
   * the benchmark was departed from, or the unit head flagged the case; `reasons` says each in a sentence.
   */
  preservations?: Preservation[];
  /** 陈述、申辩 and their 复核 (行政处罚法 §45: heard in full, adopted when the facts, reasons or evidence hold). */
  statements?: { on: string; statement: string; adopted: boolean; opinion: string }[];
  paymentPlan?: PaymentPlan | null;
  urges?: Urge[];
  /** The decision was later revoked, changed, found unlawful or void. */
  revocation?: Revocation | null;
  review: {
    required: boolean;
    reasons: string[];
    rules?: { code: string; versionId: string; name: string; explanation: string }[];
    manual?: boolean;
    /** Where the 法制审核 stands (written by the reviews module through `recordReviewState`). */
    status?: string;
    reviewId?: string;
    /** What the review agreed to (or a 集体讨论 settled): the decision must be this one. */
    cleared?: { proposal: Proposal; on: string; round: number; by: 'opinion' | 'collective' } | null;
  };
}

export const SERVICE_METHODS = ['直接送达', '留置送达', '邮寄送达', '电子送达', '公告送达'] as const;

/**
 * Penalties that carry the right to a hearing whatever the amount (行政处罚法 §63). Whether a fine is
 * 较大数额 depends on the provincial standard, so the officer marks it when notifying.
 */
export const HEARING_TYPES: readonly string[] = [
  '没收较大数额财物',
  '降低资质等级',
  '吊销许可证件',
  '责令停产停业',
  '责令关闭',
  '限制从业',
  '限制开展生产经营活动',
];
export const inHearingScope = (penalty: Penalty): boolean => penalty.types.some((t) => HEARING_TYPES.includes(t));

/** The documents each service step may serve, in order of preference (the 送达 names the one served). */
export const SERVED_DOCUMENTS: Readonly<Record<string, readonly string[]>> = {
  serve_notice: ['penalty_prior_notice', 'hearing_notice'],
  serve_decision: ['penalty_decision', 'on_the_spot_decision', 'handling_decision'],
  urge: ['payment_reminder'],
};

/** 公告送达 takes effect 30 days after publication (民事诉讼法 §95). */
export const PUBLICATION_DAYS = 30;

/** A penalty as proposed for review (and as decided): the 法制审核 gate compares the two. */
export interface Proposal {
  types: string[];
  fineYuan: number | null;
  benchmarkCode: string | null;
  tierNo: number | null;
  withinTier: boolean;
  departureReason: string;
}

export function proposalOf(penalty: Penalty, benchmark: BenchmarkChoice | null): Proposal {
  return {
    types: [...penalty.types].sort(),
    fineYuan: penalty.fineYuan,
    benchmarkCode: benchmark?.code ?? null,
    tierNo: benchmark?.tierNo ?? null,
    withinTier: benchmark?.withinTier ?? true,
    departureReason: benchmark?.departureReason ?? '',
  };
}

/** Whether a decision matches the agreed proposal (a different amount, type or tier needs a new round). */
export function sameProposal(a: Proposal, b: Proposal): boolean {
  const types = (p: Proposal) => [...p.types].sort().join('、');
  return types(a) === types(b) && (a.fineYuan ?? 0) === (b.fineYuan ?? 0) && a.benchmarkCode === b.benchmarkCode && a.tierNo === b.tierNo;
}

/**
 * The party's own periods (陈述申辩/听证申请, the 催告 response): their end lets the agency act, it is not a
 * date the agency must meet, so a case waiting for its decision is not listed as 逾期 when one has passed.
 */
export const PARTY_PERIODS: readonly string[] = ['hearingRequest', 'urgeResponse'];
