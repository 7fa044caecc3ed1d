import { inflateRawSync } from 'node:zlib';
import type { DocumentData } from './data.js';
import type { DocumentType } from './types.js';

// Test helpers: complete sample data for every template, and a minimal ZIP reader for .docx files.

const base: DocumentData = {
  agencyName: '石嘴山市人力资源和社会保障局',
  unitName: '劳动保障监察监督局',
  case: { number: 'SZS-2026-0012', title: '某某建筑有限公司拖欠劳动者工资案', source: '投诉' },
  party: {
    kind: 'organization',
    name: '石嘴山市某某建筑有限公司',
    idNumber: '91640200MA76XXXX1K',
    address: '石嘴山市大武口区朝阳西街 1 号',
    legalRepresentative: '王某某',
    phone: '0952-1234567',
  },
  item: { code: 'RS-CF-001', name: '对用人单位克扣或者无故拖欠劳动者工资的行政处罚' },
  facts: '2025年10月至2025年12月期间，你单位拖欠 12 名劳动者工资共计 186000 元。\n经本机关责令限期支付，你单位逾期未支付。',
  evidence: [{ description: '劳动者投诉材料及工资表', sha256: 'a'.repeat(64) }, { description: '对你单位法定代表人的询问笔录' }],
  legalBases: [
    { law: '劳动保障监察条例', article: '第二十六条', role: 'violated' },
    { law: '中华人民共和国劳动合同法', article: '第八十五条', role: 'penalty', text: '用人单位有下列情形之一的……' },
  ],
  discretion: { benchmarkCode: 'RB0003', benchmarkName: '石嘴山市人社行政处罚裁量基准', tier: '一般', reason: '当事人系初次违法' },
  penalty: { types: ['警告', '罚款'], amountYuan: 50000 },
  orders: ['支付拖欠的劳动者工资 186000 元', '按应付金额百分之五十的标准向劳动者加付赔偿金'],
  officers: [
    { name: '张明', certificateNo: '64020012345' },
    { name: '李华', certificateNo: '64020012346' },
  ],
  dates: {
    document: '2026-03-12',
    filed: '2026-01-05',
    deadline: '2026-03-30',
    priorNoticeServed: '2026-02-20',
    decision: '2026-03-01',
    decisionServed: '2026-03-03',
    closed: '2026-06-30',
  },
  rights: { statementDays: 3, hearing: true, hearingDays: 5, outcome: '你单位在规定期限内未提出陈述、申辩意见，也未要求听证。' },
  contact: { person: '张明', phone: '0952-2011234', address: '石嘴山市大武口区人社大楼 301 室' },
  payment: { accountName: '石嘴山市财政局非税收入专户', account: '6402 0000 1111 2222', bank: '中国工商银行石嘴山分行', deadlineDays: 15 },
  service: {
    method: '直接送达',
    recipient: '王某某',
    time: '2026-03-13 10:30',
    place: '当事人住所',
    document: '行政处罚决定书（石人社监罚〔2026〕12号）',
  },
  remedies: {
    reconsiderationBody: '石嘴山市人民政府',
    reconsiderationPeriod: '六十日',
    litigationCourt: '石嘴山市大武口区人民法院',
    litigationPeriod: '六个月',
  },
  record: {
    startTime: '2026-01-10 09:00',
    endTime: '2026-01-10 10:15',
    place: '石嘴山市人社局询问室',
    recorder: '李华',
    subject: { name: '王某某', gender: '男', idNumber: '640202198001011234', workUnit: '石嘴山市某某建筑有限公司', position: '法定代表人' },
    present: '赵某（见证人）',
    lines: [
      { speaker: '答', text: '听清楚了。' },
      { speaker: '问', text: '你单位是否拖欠劳动者工资？' },
      { speaker: '答', text: '是的，因资金周转困难。' },
    ],
  },
  approvals: [
    { stage: '承办人意见', opinion: '建议立案调查。', signer: '张明', date: '2026-01-05' },
    { stage: '负责人审批意见', opinion: '同意立案。', signer: '刘局长', date: '2026-01-05' },
  ],
  caseFile: {
    archiveNo: '石人社-2026-D30-0001',
    decisionNumber: '石人社监罚〔2026〕12号',
    retention: '30年',
    items: 3,
    pages: 5,
    entries: [
      { no: 1, title: '行政执法案卷封面', responsible: '石嘴山市人力资源和社会保障局', date: '2026-03-25', pages: 1 },
      {
        no: 2,
        title: '行政处罚决定书',
        number: '石人社监罚〔2026〕12号',
        responsible: '石嘴山市人力资源和社会保障局',
        date: '2026-03-12',
        pages: 4,
      },
      { no: 3, title: '现场检查录像', responsible: '张明、李华', date: '2026-01-08', pages: null, note: '视频 12 分钟' },
    ],
    compiledBy: '张明',
    checkedBy: '周档案',
    compiledOn: '2026-03-25',
  },
  extra: {
    appointmentTime: '2026-01-10 09:00',
    appointmentPlace: '石嘴山市人社局劳动保障监察监督局 301 室',
    materials: '营业执照副本复印件\n2025年10月至12月工资发放记录',
    storagePlace: '石嘴山市人社局证据保存室',
    decisionNumber: '石人社监罚〔2026〕12号',
    receiver: '石嘴山市公安局大武口区分局',
    reason: '当事人涉嫌拒不支付劳动报酬罪',
    host: '赵法制',
    panel: '钱某、孙某',
    mode: '公开',
    agent: '律师周某',
    outcome: '警告，罚款人民币50000元',
    execution: '当事人已于2026年3月20日缴清罚款',
    closingReason: '行政处罚决定已执行完毕',
    place: '大武口区某商业街当事人经营场所',
    conclusion: '存在问题',
    checklist: '一、执法主体合法：符合。\n二、执法人员具备执法资格：符合。',
    problems: '罚款数额超出裁量基准幅度，未说明理由',
    reviewer: '赵法审(法律职业资格 A 类)',
    round: '1',
  },
};

/** Complete data for any template (every template's required fields are filled). */
export function sampleData(overrides: Partial<DocumentData> = {}): DocumentData {
  return { ...structuredClone(base), ...overrides };
}

/** Wording each template must print (besides its title), to prove the right template was used. */
export const KEY_WORDING: Readonly<Record<DocumentType, string>> = {
  filing_approval: '简要案情',
  inquiry_notice: '接受调查询问',
  inquiry_record: '你应当如实回答',
  inspection_record: '现场检查情况',
  evidence_preservation_notice: '第五十六条',
  rectification_order: '现责令你单位于2026年3月30日前改正',
  penalty_prior_notice: '根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位有权进行陈述和申辩',
  hearing_notice: '五个工作日内',
  hearing_record: '听证主持人',
  penalty_decision: '十五日内',
  handling_decision: '本机关作出如下处理决定',
  on_the_spot_decision: '第五十一条的规定，当场作出如下行政处罚',
  service_receipt: '收件人签名（盖章）',
  payment_reminder: '《中华人民共和国行政强制法》第三十五条',
  case_transfer: '石嘴山市公安局大武口区分局',
  closing_approval: '执行情况',
  review_opinion: '重大行政执法决定法制审核材料收悉',
  case_file_cover: '石人社-2026-D30-0001',
  case_file_catalogue: '行政处罚决定书',
  case_file_notes: '本卷共 3 件，5 页，其中录音录像等声像材料 1 件（不计页数）',
};

/** The entries of a ZIP file (stored or deflated), read from its central directory. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataStart, dataStart + compressed);
    entries.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** word/document.xml of a .docx, as text. */
export function documentXml(docx: Buffer): string {
  const xml = unzip(docx).get('word/document.xml');
  if (!xml) throw new Error('no word/document.xml in the package');
  return xml.toString('utf8');
}

/** The visible text of document.xml: the contents of its w:t elements, unescaped, concatenated. */
export function visibleText(xml: string): string {
  const parts = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '');
  return parts
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
