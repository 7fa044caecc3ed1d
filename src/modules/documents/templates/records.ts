import { type Block, type Cell, cell, label, line, para, table } from '../content.js';
import type { DocumentData } from '../data.js';
import { AGENCY, CASE_TITLE, field, OFFICERS, PARTY_NAME } from '../fields.js';
import type { Template } from '../template.js';
import { BLANK, officerNames, officersText, timeText, v } from '../wording.js';

const RECORD_FIELDS = [
  field('record.startTime', '开始时间'),
  field('record.endTime', '结束时间'),
  field('record.place', '地点'),
  field('record.recorder', '记录人'),
] as const;

const row = (...cells: Cell[]): Cell[] => cells;
const period = (data: DocumentData) => `${timeText(data.record?.startTime)}至${timeText(data.record?.endTime)}`;

/** What was said or seen, one paragraph per line: 「问：…」「答：…」. */
function transcript(data: DocumentData): Block[] {
  const lines = data.record?.lines ?? [];
  if (lines.length === 0) return [line(BLANK)];
  return lines.map((l) => line(l.speaker.trim() ? `${l.speaker.trim()}：${l.text}` : l.text));
}

/** 询问笔录: header table, the officers' opening statement, questions and answers, signatures. */
export const inquiryRecord: Template = {
  required: [
    AGENCY,
    CASE_TITLE,
    OFFICERS,
    ...RECORD_FIELDS,
    field('record.subject.name', '被询问人姓名'),
    field('record.subject.idNumber', '被询问人身份证号码'),
    field('record.lines', '询问内容'),
  ],
  extraKeys: {},
  build: (data) => {
    const s = data.record?.subject;
    const certs = (data.officers ?? []).map((o) => v(o.certificateNo)).join('、');
    return [
      table([
        row(label('询问时间'), cell(period(data), 3)),
        row(label('询问地点'), cell(v(data.record?.place), 3)),
        row(label('询问人'), cell(officersText(data.officers), 3)),
        row(label('记录人'), cell(v(data.record?.recorder)), label('案件编号'), cell(v(data.case?.number))),
        row(label('被询问人'), cell(v(s?.name)), label('性别'), cell(v(s?.gender))),
        row(label('身份证号码'), cell(v(s?.idNumber), 3)),
        row(label('工作单位'), cell(v(s?.workUnit)), label('职务'), cell(v(s?.position))),
        row(label('联系电话'), cell(v(s?.phone)), label('住址'), cell(v(s?.address))),
      ]),
      line(
        `问：我们是${v(data.agencyName)}的执法人员${officerNames(data.officers)}，执法证号分别为${certs || BLANK}，这是我们的执法证件。` +
          `现依法就${v(data.case?.title)}有关情况向你进行调查询问。你应当如实回答，不得作伪证或者隐瞒事实，否则将承担相应的法律责任。` +
          '你有申请执法人员回避的权利；对与本案无关的问题，你有拒绝回答的权利。你听清楚了吗？',
      ),
      ...transcript(data),
      line('被询问人意见：以上笔录我已看过（已向我宣读过），与我所说的一致。'),
      line('被询问人签名：　　　　　　　　　　　年　　月　　日'),
      line('询问人签名：　　　　　　　　记录人签名：　　　　　　　　'),
    ];
  },
};

/** 现场检查笔录: who was inspected where and when, by whom, what was found, signatures. */
export const inspectionRecord: Template = {
  required: [
    AGENCY,
    PARTY_NAME,
    OFFICERS,
    ...RECORD_FIELDS,
    field('record.subject.name', '现场负责人'),
    field('record.lines', '现场检查情况'),
  ],
  extraKeys: {},
  build: (data) => {
    const s = data.record?.subject;
    const party = data.party;
    return [
      table([
        row(label('检查时间'), cell(period(data), 3)),
        row(label('检查地点'), cell(v(data.record?.place), 3)),
        row(label('被检查单位（人）'), cell(v(party?.name)), label('法定代表人'), cell(v(party?.legalRepresentative))),
        row(label('地址'), cell(v(party?.address)), label('联系电话'), cell(v(party?.phone))),
        row(label('现场负责人'), cell(v(s?.name)), label('职务'), cell(v(s?.position))),
        row(label('检查人员'), cell(officersText(data.officers), 3)),
        row(label('记录人'), cell(v(data.record?.recorder)), label('在场人'), cell(v(data.record?.present))),
      ]),
      para(
        `检查人员向被检查人出示了执法证件，告知了检查的依据和事项；被检查人有权申请执法人员回避，并应当如实提供有关情况和材料，` +
          '不得拒绝、阻挠检查。',
      ),
      line('现场检查情况：'),
      ...transcript(data),
      line('被检查人（现场负责人）意见：以上笔录我已看过，情况属实。'),
      line('被检查人（现场负责人）签名：　　　　　　　　　年　　月　　日'),
      line('检查人员签名：　　　　　　　　记录人签名：　　　　　　　　'),
      line('见证人签名：　　　　　　　　'),
    ];
  },
};

/** 听证笔录: the hearing's participants and proceedings (行政处罚法 §64 (八)). */
export const hearingRecord: Template = {
  required: [
    AGENCY,
    CASE_TITLE,
    PARTY_NAME,
    OFFICERS,
    ...RECORD_FIELDS,
    field('extra.host', '听证主持人'),
    field('extra.mode', '听证方式（公开或者不公开）'),
    field('record.lines', '听证过程'),
  ],
  extraKeys: { host: '听证主持人', panel: '听证员(可选)', mode: '公开或者不公开', agent: '委托代理人(可选)' },
  build: (data) => {
    const x = data.extra ?? {};
    return [
      table([
        row(label('案由'), cell(v(data.case?.title), 3)),
        row(label('听证时间'), cell(period(data), 3)),
        row(label('听证地点'), cell(v(data.record?.place)), label('听证方式'), cell(v(x.mode))),
        row(label('听证主持人'), cell(v(x.host)), label('听证员'), cell(x.panel?.trim() || '无')),
        row(label('记录员'), cell(v(data.record?.recorder)), label('案件编号'), cell(v(data.case?.number))),
        row(label('当事人'), cell(v(data.party?.name)), label('法定代表人'), cell(v(data.party?.legalRepresentative))),
        row(label('委托代理人'), cell(x.agent?.trim() || '无', 3)),
        row(label('案件调查人员'), cell(officersText(data.officers), 3)),
      ]),
      line('听证过程：'),
      ...transcript(data),
      line('当事人（委托代理人）意见：以上笔录我已看过，与听证情况一致。'),
      line('当事人（委托代理人）签名：　　　　　　　　　年　　月　　日'),
      line('案件调查人员签名：　　　　　　　　听证主持人签名：　　　　　　　　'),
      line('听证员签名：　　　　　　　　记录员签名：　　　　　　　　'),
    ];
  },
};
