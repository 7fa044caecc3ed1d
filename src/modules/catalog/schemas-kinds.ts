import { Type } from 'typebox';
import { AV_RECORD_CATEGORIES, AV_REQUIREMENTS } from './av-rule-data.js';
import { FINE_UNITS, TIER_LEVELS } from './benchmark-data.js';
import { CATEGORIES, LIMIT_UNITS } from './item-data.js';
import { PENALTY_TYPES, REVIEW_RULE_TYPES } from './review-rule-data.js';
import { Free, kindSchemas, LegalBases, Literals, strict, Text } from './schemas.js';

// The data fields of each kind of catalogue entry, as the API accepts and answers them.

const UnitId = (description: string) => Text(64, description);
const Limit = (description: string) =>
  Type.Object({ value: Type.Integer({ minimum: 0, maximum: 3650 }), unit: Literals(LIMIT_UNITS) }, { ...strict, description });
const ItemCode = (description: string) => Type.String({ maxLength: 32, description });
const Money = (description: string) => Type.Union([Type.Number({ minimum: 0, maximum: 1e10 }), Type.Null()], { description });

export const item = kindSchemas(
  {
    name: Text(200, '事项名称'),
    category: Literals(CATEGORIES),
    unitId: UnitId('实施主体(承办单位)'),
    legalBases: LegalBases('法律依据', 1),
    acceptingBody: Free(200, '受理机构'),
    approvingBody: Free(200, '决定机构'),
    conditions: Free(4000, '办理条件/适用情形'),
    materials: Type.Array(Text(200, '材料'), { maxItems: 50, description: '申请(所需)材料' }),
    statutoryLimit: Limit('法定办理时限'),
    promisedLimit: Limit('承诺办理时限'),
    fees: Free(500, '收费标准及依据'),
    steps: Type.Array(Type.Object({ name: Text(40, '环节名称'), role: Text(60, '承办岗位'), timeLimit: Free(60, '环节时限') }, strict), {
      minItems: 1,
      maxItems: 30,
      description: '办理流程(按顺序)',
    }),
    remedies: Type.Array(Type.Object({ channel: Text(100, '救济途径'), period: Text(100, '期限') }, strict), {
      maxItems: 10,
      description: '救济途径(行政复议、行政诉讼)',
    }),
    supervision: Free(500, '监督渠道'),
    complaint: Free(500, '投诉渠道'),
  },
  '事项编码',
  {},
);

export const benchmark = kindSchemas(
  {
    name: Text(200, '违法行为'),
    category: Text(40, '违法行为类别'),
    unitId: UnitId('适用单位'),
    itemCode: ItemCode('对应的行政处罚事项编码(可为空)'),
    violationBases: LegalBases('违法依据', 1),
    penaltyBases: LegalBases('处罚依据', 1),
    statutoryRange: Text(2000, '法定处罚种类和幅度'),
    tiers: Type.Array(
      Type.Object(
        {
          level: Literals(TIER_LEVELS),
          conditions: Text(2000, '适用情形'),
          penalty: Text(2000, '处罚内容'),
          fineMin: Money('罚款下限'),
          fineMax: Money('罚款上限'),
          fineUnit: Literals(FINE_UNITS),
        },
        strict,
      ),
      { minItems: 1, maxItems: 10, description: '裁量阶次(由轻到重)' },
    ),
    firstViolationExempt: Type.Boolean({ description: '首违不罚' }),
    minorExempt: Type.Boolean({ description: '轻微不罚' }),
    exemptConditions: Free(2000, '不予处罚的条件'),
    notes: Free(2000, '说明'),
  },
  '基准编码(如 RB0001)',
  {},
);

export const avRule = kindSchemas(
  {
    itemCode: Text(32, '执法事项编码'),
    step: Text(40, '办理环节(与事项现行版本的环节名称一致)'),
    unitId: UnitId('实施单位'),
    requirement: Literals(AV_REQUIREMENTS),
    recordCategory: Literals(AV_RECORD_CATEGORIES),
    devices: Type.Array(Text(40, '设备'), { maxItems: 10, description: '记录设备' }),
    retentionMonths: Type.Integer({ minimum: 1, maximum: 1200, description: '非证据音像资料最短保存期限(月)' }),
    notes: Free(1000, '说明'),
  },
  '清单编码(如 AV0001)',
  { requirementLabel: Type.String({ description: '音像记录要求' }), itemName: Type.String({ description: '执法事项名称' }) },
);

export const reviewRule = kindSchemas(
  {
    name: Text(100, '规则名称'),
    ruleType: Literals(REVIEW_RULE_TYPES),
    unitId: UnitId('审核机构'),
    itemCodes: Type.Array(Text(32, '事项编码'), { maxItems: 200, description: '指定事项(规则类型为 item 时)' }),
    categories: Type.Array(Literals(CATEGORIES), { maxItems: 8, description: '事项类别(规则类型为 category 时)' }),
    naturalPersonFine: Money('对公民罚款的数额标准(元,达到即为重大)'),
    organizationFine: Money('对法人或者其他组织罚款的数额标准(元)'),
    penaltyTypes: Type.Array(Literals(PENALTY_TYPES), { maxItems: 20, description: '处罚种类(规则类型为 penalty_type 时)' }),
    basis: Text(500, '规则依据'),
    notes: Free(1000, '说明'),
  },
  '规则编码(如 ZD001)',
  { ruleTypeLabel: Type.String(), explanation: Type.String({ description: '规则的一句话说明' }) },
);

export const windowBoard = kindSchemas(
  {
    name: Text(100, '窗口名称'),
    windowNo: Text(20, '窗口编号'),
    unitId: UnitId('所属单位'),
    location: Free(200, '窗口位置'),
    hours: Free(200, '办公时间'),
    staff: Type.Array(Type.Object({ name: Text(64, '姓名'), post: Text(64, '岗位'), certificateNo: Free(32, '执法证件号码') }, strict), {
      minItems: 1,
      maxItems: 20,
      description: '窗口工作人员',
    }),
    duties: Type.Array(Text(500, '职责'), { minItems: 1, maxItems: 30, description: '岗位职责' }),
    itemCodes: Type.Array(Text(32, '事项编码'), { maxItems: 100, description: '窗口办理的执法事项' }),
    materials: Type.Array(Type.Object({ name: Text(200, '材料名称'), sample: Free(4000, '示范文本') }, strict), {
      maxItems: 50,
      description: '申请材料及示范文本',
    }),
    progressQuery: Text(500, '办理进度查询渠道'),
    complaint: Text(500, '投诉渠道'),
  },
  '公示牌编码(如 CK01)',
  {},
);
