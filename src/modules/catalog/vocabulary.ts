// The catalogue's vocabulary: the fixed values, the data shapes and the one-sentence explanation of a
// review rule. Pure (no imports), so the console imports this very file rather than a copy that could
// drift; the server's check functions enforce what is declared here.

/** 事项类别 (the categories of 权责清单). */
export const CATEGORIES = ['行政许可', '行政处罚', '行政强制', '行政征收征用', '行政检查', '行政确认', '行政给付', '其他'] as const;
export const LIMIT_UNITS = ['工作日', '日'] as const;
export const VERSION_STATUSES = ['draft', 'published', 'superseded'] as const;
export const STATUS_LABELS: Readonly<Record<string, string>> = { draft: '草稿', published: '现行', superseded: '已被替代' };

/** 裁量阶次, from least to most serious. */
export const TIER_LEVELS = ['轻微', '一般', '较重', '严重'] as const;
/** How a tier's fine range is counted: a sum, a sum per affected worker, or a multiple of the amount owed. */
export const FINE_UNITS = ['元', '元/人', '倍'] as const;

/** Whether a step is filmed: always in full, when the situation calls for it, or not at all (text record only). */
export const AV_REQUIREMENTS = ['mandatory', 'as_needed', 'not_required'] as const;
export const AV_REQUIREMENT_LABELS: Readonly<Record<string, string>> = {
  mandatory: '全程音像记录',
  as_needed: '根据需要音像记录',
  not_required: '不需要音像记录',
};
/** 音像记录类别 as the Shanxi HRSS list groups scenes. */
export const AV_RECORD_CATEGORIES = ['入户类', '场景类', '约谈类', '确认类'] as const;

/** What a rule of the 重大执法决定法制审核目录 looks at. */
export const REVIEW_RULE_TYPES = [
  'item',
  'category',
  'fine_threshold',
  'penalty_type',
  'after_hearing',
  'benchmark_departure',
  'complex',
  'manual',
] as const;
export type ReviewRuleType = (typeof REVIEW_RULE_TYPES)[number];
export const REVIEW_RULE_TYPE_LABELS: Readonly<Record<string, string>> = {
  item: '指定事项',
  category: '事项类别',
  fine_threshold: '较大数额罚款',
  penalty_type: '处罚种类',
  after_hearing: '听证后决定',
  benchmark_departure: '偏离裁量基准或减轻处罚',
  complex: '案情复杂',
  manual: '负责人认定',
};

/** 行政处罚的种类 (行政处罚法 §9) plus 没收较大数额财物, which review catalogues name separately. */
export const PENALTY_TYPES = [
  '警告',
  '通报批评',
  '罚款',
  '没收违法所得',
  '没收非法财物',
  '没收较大数额财物',
  '暂扣许可证件',
  '降低资质等级',
  '吊销许可证件',
  '限制开展生产经营活动',
  '责令停产停业',
  '责令关闭',
  '限制从业',
] as const;

export interface LegalBasis {
  law: string;
  article: string;
  text: string;
}
export interface TimeLimit {
  value: number;
  unit: string;
}
export interface Step {
  name: string;
  role: string;
  timeLimit: string;
}
export interface Remedy {
  channel: string;
  period: string;
}

/** 执法事项: everything about an item that a version fixes. */
export interface ItemData {
  name: string;
  category: string;
  unitId: string;
  legalBases: LegalBasis[];
  acceptingBody: string;
  approvingBody: string;
  conditions: string;
  materials: string[];
  statutoryLimit: TimeLimit;
  promisedLimit: TimeLimit;
  fees: string;
  steps: Step[];
  remedies: Remedy[];
  supervision: string;
  complaint: string;
}

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

/** 音像记录事项清单: for one step of one item, whether and how it is recorded on audio/video. */
export interface AvRuleData {
  itemCode: string;
  /** A step of the item, named as in its current version. */
  step: string;
  unitId: string;
  requirement: string;
  recordCategory: string;
  devices: string[];
  /** Minimum retention of footage that does not become evidence (evidence is archived with the case). */
  retentionMonths: number;
  notes: string;
}

/** One rule of the 重大执法决定法制审核目录; only the fields its type uses are kept. */
export interface ReviewRuleData {
  name: string;
  ruleType: string;
  /** The unit that maintains the rule (政策法规科). */
  unitId: string;
  itemCodes: string[];
  categories: string[];
  /** Fines at or above these amounts (yuan) are major; null: no threshold for that party type. */
  naturalPersonFine: number | null;
  organizationFine: number | null;
  penaltyTypes: string[];
  /** 依据: the law or local document the rule comes from. */
  basis: string;
  notes: string;
}

export interface BoardStaff {
  name: string;
  /** 岗位 (受理岗, 审核岗 …). */
  post: string;
  /** 执法证件号码 when the person holds one ('' otherwise); the board links to its public verification. */
  certificateNo: string;
}

export interface BoardMaterial {
  name: string;
  /** 示范文本: how a filled-in copy reads. */
  sample: string;
}

/** 岗位职责公示牌 of one service window, printed on A4 and hung at the window. */
export interface WindowBoardData {
  name: string;
  windowNo: string;
  unitId: string;
  location: string;
  hours: string;
  staff: BoardStaff[];
  duties: string[];
  /** The 执法事项 handled at the window. */
  itemCodes: string[];
  materials: BoardMaterial[];
  progressQuery: string;
  complaint: string;
}

const yuan = (n: number): string => (n >= 10000 && n % 10000 === 0 ? `${n / 10000} 万元` : `${n} 元`);

/** A review rule in one sentence, as the portal, the console and the determination report state it. */
export function explainReviewRule(d: ReviewRuleData): string {
  switch (d.ruleType) {
    case 'item':
      return `对执法事项 ${d.itemCodes.join('、')} 作出的执法决定,须经法制审核。`;
    case 'category':
      return `${d.categories.join('、')}类执法决定,须经法制审核。`;
    case 'fine_threshold': {
      const parts = [
        d.naturalPersonFine === null ? '' : `对公民处以 ${yuan(d.naturalPersonFine)}以上罚款`,
        d.organizationFine === null ? '' : `对法人或者其他组织处以 ${yuan(d.organizationFine)}以上罚款`,
      ].filter((p) => p !== '');
      return `${parts.join('、')}的,须经法制审核。`;
    }
    case 'penalty_type':
      return `拟作出${d.penaltyTypes.join('、')}决定的,须经法制审核。`;
    case 'after_hearing':
      return '经过听证程序作出的执法决定,须经法制审核。';
    case 'benchmark_departure':
      return '不按行政处罚裁量基准作出决定、或者决定减轻处罚的,须经法制审核。';
    case 'complex':
      return '案件情况疑难复杂、涉及多个法律关系的,须经法制审核。';
    case 'manual':
      return '承办单位负责人认为属于重大执法决定的,须经法制审核。';
    default:
      return '';
  }
}
