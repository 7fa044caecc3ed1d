import type { AvRuleData } from './av-rule-data.js';
import type { ReviewRuleData } from './review-rule-data.js';
import type { WindowBoardData } from './window-board-data.js';

// Demo 音像记录事项清单 (modelled on the 山西省人社厅 list: 现场检查 and 调查取证 are 入户类; contentious
// steps are recorded as needed), the 重大执法决定法制审核目录 (thresholds as in local catalogues such as 巩义 and
// 益阳; a bureau sets its own), and the 岗位职责公示牌 of two service windows.

type Demo<D> = { code: string; data: Omit<D, 'unitId'> };

const av = (code: string, itemCode: string, step: string, requirement: string, recordCategory: string, notes = ''): Demo<AvRuleData> => ({
  code,
  data: {
    itemCode,
    step,
    requirement,
    recordCategory,
    devices: requirement === 'not_required' ? [] : ['执法记录仪', '录音笔'],
    retentionMonths: 6,
    notes,
  },
});

export const DEMO_AV_RULES: readonly Demo<AvRuleData>[] = [
  av('AV0001', 'RS-JC-001', '实施检查', 'mandatory', '入户类', '进入用人单位劳动场所检查,自出示证件起全程记录至检查结束。'),
  av('AV0002', 'RS-JC-001', '责令改正', 'as_needed', '确认类', '当场送达限期改正指令书、当事人拒绝签收的,应当记录。'),
  av('AV0003', 'RS-JC-001', '复查', 'as_needed', '场景类', '改正期限届满后的现场核查(15 个工作日内)。'),
  av('AV0004', 'RS-CF-001', '调查取证', 'mandatory', '入户类', '现场检查、询问当事人、先行登记保存证据的全过程。'),
  av('AV0005', 'RS-CF-001', '事先告知', 'as_needed', '约谈类', '当事人当面陈述申辩的,根据需要记录。'),
  av('AV0006', 'RS-CF-001', '送达', 'as_needed', '确认类', '留置送达的,全程记录送达过程。'),
  av('AV0007', 'RS-CF-001', '立案', 'not_required', '确认类', '以立案审批表等文字记录为准。'),
  av(
    'AV0008',
    'RS-CF-002',
    '调查取证',
    'mandatory',
    '入户类',
    '涉及未成年人,注意保护个人隐私,画面中对未成年人面部进行遮挡处理后方可对外使用。',
  ),
  av('AV0009', 'RS-CF-004', '调查取证', 'mandatory', '入户类'),
];

const LOCAL = '《石嘴山市重大行政执法决定法制审核办法(试行)》;本局实施方案第 12 项';

const rule = (code: string, name: string, ruleType: string, basis: string, more: Partial<ReviewRuleData> = {}): Demo<ReviewRuleData> => ({
  code,
  data: {
    name,
    ruleType,
    itemCodes: [],
    categories: [],
    naturalPersonFine: null,
    organizationFine: null,
    penaltyTypes: [],
    basis,
    notes: '',
    ...more,
  },
});

export const DEMO_REVIEW_RULES: readonly Demo<ReviewRuleData>[] = [
  rule('ZD001', '较大数额罚款', 'fine_threshold', `《中华人民共和国行政处罚法》第五十八条;${LOCAL}`, {
    naturalPersonFine: 10000,
    organizationFine: 50000,
    notes: '示例标准(参照巩义、益阳等地目录):对公民 1 万元以上、对法人或者其他组织 5 万元以上;含本数。各地按本地标准调整。',
  }),
  rule(
    'ZD002',
    '吊销许可证件、责令停产停业、没收较大数额财物',
    'penalty_type',
    `《中华人民共和国行政处罚法》第五十八条、第六十三条;${LOCAL}`,
    {
      penaltyTypes: ['吊销许可证件', '降低资质等级', '责令停产停业', '责令关闭', '没收较大数额财物'],
    },
  ),
  rule('ZD003', '经过听证程序作出的决定', 'after_hearing', '本局实施方案第 12 项第(2)点'),
  rule(
    'ZD004',
    '不按裁量基准作出决定或减轻处罚',
    'benchmark_departure',
    '《国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见》(国办发〔2022〕27号)',
  ),
  rule('ZD005', '案情疑难复杂、涉及多个法律关系', 'complex', '本局实施方案第 12 项第(2)点'),
  rule(
    'ZD006',
    '负责人认定的重大执法决定',
    'manual',
    '本局实施方案第 12 项第(2)点:涉及重大公共利益、可能造成重大社会影响或引发社会风险、直接关系行政相对人或第三人重大权益的',
  ),
  rule('ZD007', '行政强制决定', 'category', LOCAL, { categories: ['行政强制'] }),
  rule('ZD008', '使用童工案件', 'item', LOCAL, { itemCodes: ['RS-CF-002'], notes: '直接关系未成年人重大权益。' }),
];

const ZHANG_MING = '640200200002';
const LI_NA = '640200200003';

export const DEMO_WINDOW_BOARDS: readonly Demo<WindowBoardData>[] = [
  {
    code: 'CK01',
    data: {
      name: '劳动保障监察投诉举报受理窗口',
      windowNo: '3 号窗口',
      location: '市民大厅二楼人社服务区',
      hours: '工作日 上午 9:00–12:00,下午 14:30–17:30(法定节假日除外)',
      staff: [
        { name: '张明', post: '受理岗', certificateNo: ZHANG_MING },
        { name: '李娜', post: '审核岗', certificateNo: LI_NA },
      ],
      duties: [
        '接收劳动者关于拖欠工资、未签劳动合同、未缴社会保险等违法行为的投诉和举报',
        '审查投诉材料,对符合受理条件的 5 个工作日内决定是否受理,并告知投诉人',
        '解答劳动保障法律法规咨询,引导通过调解、仲裁解决劳动争议',
        '告知投诉人案件办理进度和查询方式',
      ],
      itemCodes: ['RS-JC-001', 'RS-CF-001'],
      materials: [
        {
          name: '投诉书',
          sample:
            '投诉人张三,身份证号……,于 2025 年 3 月入职某某建筑有限公司,从事钢筋工作,该公司拖欠本人 2026 年 5 月至 7 月工资共计 15000 元,请求依法责令其支付。投诉人(签名),2026 年 8 月 1 日。',
        },
        { name: '投诉人身份证件复印件', sample: '身份证正反面复印在同一页 A4 纸上,注明「仅供劳动保障监察投诉使用」并签名。' },
        { name: '劳动关系证明材料', sample: '劳动合同、工资条、考勤记录、工作证、同事证言等任一材料即可。' },
      ],
      progressQuery: '凭受理回执编号拨打 12333 或到本窗口查询;也可关注市人社局网站「执法公示」栏目。',
      complaint: '对窗口服务不满意的,可拨打 12345 政务服务便民热线,或向局政策法规科反映。',
    },
  },
  {
    code: 'CK02',
    data: {
      name: '农民工工资支付保障业务窗口',
      windowNo: '4 号窗口',
      location: '市民大厅二楼人社服务区',
      hours: '工作日 上午 9:00–12:00,下午 14:30–17:30(法定节假日除外)',
      staff: [{ name: '张明', post: '业务指导岗', certificateNo: ZHANG_MING }],
      duties: [
        '指导工程建设项目开设农民工工资专用账户、存储工资保证金',
        '核查劳动用工实名制管理和工资支付台账',
        '受理农民工工资支付相关投诉',
      ],
      itemCodes: ['RS-CF-001'],
      materials: [{ name: '工资保证金存储(或保函)材料', sample: '施工合同复印件、银行出具的工资保证金存储证明或金融机构保函原件。' }],
      progressQuery: '拨打 12333 或到本窗口查询。',
      complaint: '12345 政务服务便民热线;根治欠薪线索反映平台。',
    },
  },
];
