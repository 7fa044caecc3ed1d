import { type Cell, cell, label, table } from '../content.js';
import type { DocumentData } from '../data.js';
import { CASE_TITLE, FACTS, field, OFFICERS, PARTY_NAME } from '../fields.js';
import type { Template } from '../template.js';
import { dateText, officerNames, officersText, penaltySummary, timeText, v } from '../wording.js';

const row = (...cells: Cell[]): Cell[] => cells;

/** Approval rows: each opinion with its signer and date; blank rows for the default stages when none yet. */
function approvalRows(data: DocumentData, stages: readonly string[]): Cell[][] {
  const given = data.approvals ?? [];
  const list = given.length > 0 ? given : stages.map((stage) => ({ stage, opinion: '', signer: '', date: '' }));
  return list.map((a) =>
    row(
      label(a.stage),
      cell(`${a.opinion.trim()}\n签名：${a.signer?.trim() || '　　　　'}　　${a.date ? dateText(a.date) : '年　月　日'}`, 3, true),
    ),
  );
}

/** 立案审批表. */
export const filingApproval: Template = {
  required: [CASE_TITLE, field('case.source', '案件来源'), PARTY_NAME, FACTS, OFFICERS],
  extraKeys: {},
  build: (data) => {
    const party = data.party;
    const item = data.item;
    return [
      table([
        row(label('案件编号'), cell(v(data.case?.number)), label('案件来源'), cell(v(data.case?.source))),
        row(label('案由'), cell(v(data.case?.title), 3)),
        row(label('当事人'), cell(v(party?.name)), label('联系电话'), cell(v(party?.phone))),
        row(label('证件号码'), cell(v(party?.idNumber)), label('法定代表人'), cell(v(party?.legalRepresentative))),
        row(label('住所（住址）'), cell(v(party?.address), 3)),
        row(label('执法事项'), cell(item?.name ? `${item.name}${item.code ? `（${item.code}）` : ''}` : v(undefined), 3)),
        row(label('简要案情'), cell(v(data.facts), 3, true)),
        row(label('承办人'), cell(officersText(data.officers), 3)),
        ...approvalRows(data, ['承办人意见', '承办机构负责人意见', '负责人审批意见']),
      ]),
    ];
  },
};

/** 结案审批表. */
export const closingApproval: Template = {
  required: [
    CASE_TITLE,
    PARTY_NAME,
    field('dates.filed', '立案日期'),
    field('extra.outcome', '处理结果', undefined, (d) => Boolean(d.extra?.outcome?.trim() || d.penalty?.types?.length)),
    field('extra.execution', '执行情况'),
    OFFICERS,
  ],
  extraKeys: { outcome: '处理结果(不填时取处罚内容)', execution: '执行情况', closingReason: '结案理由(可选)' },
  build: (data) => {
    const x = data.extra ?? {};
    return [
      table([
        row(label('案件编号'), cell(v(data.case?.number)), label('立案日期'), cell(dateText(data.dates?.filed))),
        row(label('案由'), cell(v(data.case?.title), 3)),
        row(label('当事人'), cell(v(data.party?.name)), label('结案日期'), cell(dateText(data.dates?.closed))),
        row(label('处理结果'), cell(x.outcome?.trim() || penaltySummary(data.penalty), 3, true)),
        row(label('执行情况'), cell(v(x.execution), 3, true)),
        row(label('结案理由'), cell(v(x.closingReason), 3)),
        row(label('承办人'), cell(officerNames(data.officers), 3)),
        ...approvalRows(data, ['承办人意见', '承办机构负责人意见', '负责人审批意见']),
      ]),
    ];
  },
};

/** 送达回证. */
export const serviceReceipt: Template = {
  required: [
    field('service.document', '送达文书名称及文号'),
    PARTY_NAME,
    field('service.method', '送达方式'),
    field('service.place', '送达地点'),
    field('service.time', '送达时间'),
    OFFICERS,
  ],
  extraKeys: { proxyReason: '代收理由(可选)', witness: '见证人(留置送达时)', note: '备注(可选)' },
  build: (data) => {
    const s = data.service;
    const x = data.extra ?? {};
    return [
      table([
        row(label('送达文书名称及文号'), cell(v(s?.document), 3)),
        row(label('受送达人'), cell(v(data.party?.name), 3)),
        row(label('送达地点'), cell(v(s?.place), 3)),
        row(label('送达方式'), cell(v(s?.method)), label('送达时间'), cell(timeText(s?.time))),
        row(label('收件人签名（盖章）'), cell(s?.recipient?.trim() || '', 1, true), label('代收理由'), cell(x.proxyReason?.trim() || '')),
        row(label('送达人'), cell(officersText(data.officers), 3)),
        row(label('见证人'), cell(x.witness?.trim() || '', 3)),
        row(label('备注'), cell(x.note?.trim() || '', 3, true)),
      ]),
    ];
  },
};
