import { type Static, type TSchema, Type } from 'typebox';
import type { DocumentData } from './data.js';

// The JSON Schema of DocumentData (preview bodies, OpenAPI). Every field optional, unknown fields
// refused; lengths bounded so a preview cannot be made arbitrarily large.

const strict = { additionalProperties: false } as const;
const Opt = <T extends TSchema>(schema: T) => Type.Optional(schema);
const Str = (maxLength: number, description: string) => Opt(Type.String({ maxLength, description }));
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const TIME = '^\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}$';
const DateStr = (description: string) => Opt(Type.String({ pattern: DATE, description: `${description}(YYYY-MM-DD)` }));
const TimeStr = (description: string) => Opt(Type.String({ pattern: TIME, description: `${description}(YYYY-MM-DD HH:mm)` }));
const Days = (description: string) => Opt(Type.Integer({ minimum: 1, maximum: 99, description }));

const Person = Type.Object(
  {
    name: Str(100, '姓名'),
    gender: Str(10, '性别'),
    idNumber: Str(40, '身份证号码'),
    workUnit: Str(200, '工作单位'),
    position: Str(100, '职务'),
    phone: Str(40, '联系电话'),
    address: Str(300, '住址'),
  },
  strict,
);

/** 联系人, 联系电话, 联系地址 (also a part of a unit's 文书固定信息). */
export const ContactSchema = Type.Object(
  { person: Str(50, '联系人'), phone: Str(40, '联系电话'), address: Str(300, '联系地址') },
  { ...strict, description: '联系方式' },
);

/** The fine collection account (also a part of a unit's 文书固定信息). */
export const PaymentSchema = Type.Object(
  { accountName: Str(200, '收款户名'), account: Str(64, '账号'), bank: Str(200, '开户银行'), deadlineDays: Days('缴纳期限(日)') },
  { ...strict, description: '罚款缴纳' },
);

/** 救济途径 (also a part of a unit's 文书固定信息). */
export const RemediesSchema = Type.Object(
  {
    reconsiderationBody: Str(200, '行政复议机关'),
    reconsiderationPeriod: Str(20, '复议期限,默认六十日'),
    litigationCourt: Str(200, '管辖法院'),
    litigationPeriod: Str(20, '起诉期限,默认六个月'),
  },
  { ...strict, description: '救济途径' },
);

export const DocumentDataSchema = Type.Object(
  {
    agencyName: Str(100, '执法机关全称'),
    unitName: Str(100, '承办机构'),
    case: Opt(Type.Object({ number: Str(64, '案件编号'), title: Str(200, '案由'), source: Str(100, '案件来源') }, strict)),
    party: Opt(
      Type.Object(
        {
          kind: Opt(Type.Union([Type.Literal('natural'), Type.Literal('organization')], { description: '自然人或单位' })),
          name: Str(200, '当事人名称(姓名)'),
          idNumber: Str(40, '身份证号码或统一社会信用代码'),
          address: Str(300, '住所(住址)'),
          legalRepresentative: Str(100, '法定代表人(主要负责人)'),
          phone: Str(40, '联系电话'),
        },
        strict,
      ),
    ),
    item: Opt(Type.Object({ code: Str(32, '执法事项编码'), name: Str(200, '执法事项名称') }, strict)),
    facts: Str(20000, '违法事实(可分段)'),
    evidence: Opt(
      Type.Array(
        Type.Object(
          {
            description: Type.String({ maxLength: 500, description: '证据名称及说明' }),
            sha256: Opt(Type.String({ pattern: '^[0-9a-f]{64}$' })),
          },
          strict,
        ),
        { maxItems: 200 },
      ),
    ),
    legalBases: Opt(
      Type.Array(
        Type.Object(
          {
            law: Type.String({ maxLength: 100, description: '法律文件名称(不含书名号)' }),
            article: Type.String({ maxLength: 100, description: '条款' }),
            text: Str(4000, '条文内容'),
            role: Opt(
              Type.Union([Type.Literal('violated'), Type.Literal('penalty')], {
                description: '违反的规定(默认)/处罚(处理)依据',
              }),
            ),
          },
          strict,
        ),
        { maxItems: 30 },
      ),
    ),
    discretion: Opt(
      Type.Object(
        {
          benchmarkCode: Str(32, '裁量基准编码'),
          benchmarkName: Str(200, '裁量基准名称'),
          tier: Str(100, '裁量档次'),
          reason: Str(2000, '裁量理由'),
        },
        strict,
      ),
    ),
    penalty: Opt(
      Type.Object(
        {
          types: Opt(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 10, description: '处罚种类' })),
          amountYuan: Opt(Type.Number({ minimum: 0, maximum: 1e12, description: '罚款数额(元)' })),
          other: Str(2000, '其他处罚或处理内容'),
        },
        strict,
      ),
    ),
    orders: Opt(Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 30, description: '责令事项' })),
    officers: Opt(
      Type.Array(Type.Object({ name: Type.String({ maxLength: 50 }), certificateNo: Type.String({ maxLength: 32 }) }, strict), {
        maxItems: 10,
      }),
    ),
    dates: Opt(
      Type.Object(
        {
          document: DateStr('成文日期'),
          filed: DateStr('立案日期'),
          deadline: DateStr('期限届满日'),
          priorNoticeServed: DateStr('事先告知书送达日期'),
          decision: DateStr('决定日期'),
          decisionServed: DateStr('决定书送达日期'),
          closed: DateStr('结案日期'),
        },
        strict,
      ),
    ),
    rights: Opt(
      Type.Object(
        {
          statementDays: Days('陈述申辩期限(工作日)'),
          hearing: Opt(Type.Boolean({ description: '是否告知听证权利' })),
          hearingDays: Days('听证申请期限(工作日)'),
          outcome: Str(2000, '陈述申辩(听证)情况'),
        },
        strict,
      ),
    ),
    contact: Opt(ContactSchema),
    payment: Opt(PaymentSchema),
    service: Opt(
      Type.Object(
        {
          method: Str(50, '送达方式'),
          recipient: Str(100, '收件人'),
          time: TimeStr('送达时间'),
          place: Str(300, '送达地点'),
          document: Str(300, '送达文书及文号'),
        },
        strict,
      ),
    ),
    remedies: Opt(RemediesSchema),
    record: Opt(
      Type.Object(
        {
          startTime: TimeStr('开始时间'),
          endTime: TimeStr('结束时间'),
          place: Str(300, '地点'),
          recorder: Str(50, '记录人'),
          subject: Opt(Person),
          present: Str(300, '在场人'),
          lines: Opt(
            Type.Array(Type.Object({ speaker: Type.String({ maxLength: 20 }), text: Type.String({ maxLength: 5000 }) }, strict), {
              maxItems: 500,
            }),
          ),
        },
        strict,
      ),
    ),
    approvals: Opt(
      Type.Array(
        Type.Object(
          {
            stage: Type.String({ maxLength: 50 }),
            opinion: Type.String({ maxLength: 2000 }),
            signer: Str(50, '签名'),
            date: DateStr('日期'),
          },
          strict,
        ),
        { maxItems: 10 },
      ),
    ),
    caseFile: Opt(
      Type.Object(
        {
          archiveNo: Str(60, '档号'),
          decisionNumber: Str(100, '决定书文号'),
          retention: Str(10, '保管期限'),
          items: Opt(Type.Integer({ minimum: 0, maximum: 100000, description: '件数' })),
          pages: Opt(Type.Integer({ minimum: 0, maximum: 1000000, description: '页数' })),
          entries: Opt(
            Type.Array(
              Type.Object(
                {
                  no: Type.Integer({ minimum: 1, maximum: 100000 }),
                  title: Type.String({ maxLength: 300 }),
                  number: Str(100, '文号'),
                  responsible: Str(200, '责任者'),
                  date: DateStr('日期'),
                  pages: Opt(Type.Union([Type.Integer({ minimum: 0, maximum: 100000 }), Type.Null()])),
                  note: Str(300, '备注'),
                },
                strict,
              ),
              { maxItems: 5000 },
            ),
          ),
          note: Str(2000, '本卷情况说明'),
          compiledBy: Str(50, '立卷人'),
          checkedBy: Str(50, '检查人'),
          compiledOn: DateStr('立卷日期'),
        },
        strict,
      ),
    ),
    extra: Opt(Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 5000 }), { description: '模板专用字段' })),
  },
  { ...strict, description: '执法文书内容(各模板所需字段见 GET /api/documents/types)' },
);

// Compile-time proof that what the schema accepts is a DocumentData.
type Accepted = Static<typeof DocumentDataSchema>;
export const schemaMatchesData: Accepted extends DocumentData ? true : false = true;
