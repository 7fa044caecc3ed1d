import { para } from '../content.js';
import { AGENCY, CASE_TITLE, CONTACT, EVIDENCE, FACTS, FINE_AMOUNT, field, LEGAL_BASES, PARTY_NAME, PAYMENT, PENALTY } from '../fields.js';
import type { Template } from '../template.js';
import { citeLaws, cnNumber, dateText, evidenceLines, penaltySummary, v, yuanFigures, yuanInWords } from '../wording.js';
import { addressee, basisOr, closing, contactBlocks, factsBlocks, items, P } from './common.js';

/** 催告书 (行政强制法 §35, §54): the unperformed decision, what to pay by when and how, the right to be heard. */
export const paymentReminder: Template = {
  required: [
    AGENCY,
    PARTY_NAME,
    field('extra.decisionNumber', '行政处罚决定书文号'),
    field('dates.decision', '行政处罚决定日期'),
    field('dates.decisionServed', '行政处罚决定书送达日期'),
    PENALTY,
    FINE_AMOUNT,
    ...PAYMENT,
    ...CONTACT,
  ],
  extraKeys: {
    decisionNumber: '未履行的行政处罚决定书文号',
    surcharge: '加处罚款数额及计算(可选)',
    days: '履行期限天数(可选,默认十日)',
  },
  build: (data) => {
    const p = P(data);
    const duties: string[] = [];
    const amount = data.penalty?.amountYuan;
    if (amount !== undefined) duties.push(`缴纳罚款人民币${yuanFigures(amount)}元（大写：${yuanInWords(amount)}）`);
    if (data.extra?.surcharge?.trim()) duties.push(`缴纳加处罚款${data.extra.surcharge.trim()}`);
    if (data.penalty?.other?.trim()) duties.push(data.penalty.other.trim());
    const dayCount = Number(data.extra?.days);
    const pay = data.payment;
    return [
      addressee(data.party?.name),
      para(
        `本机关于${dateText(data.dates?.decision)}作出${v(data.extra?.decisionNumber)}《行政处罚决定书》，对${p}作出${penaltySummary(data.penalty)}` +
          `的行政处罚，该决定书已于${dateText(data.dates?.decisionServed)}送达${p}。${p}在法定期限内未申请行政复议或者提起行政诉讼，又未履行该决定。`,
      ),
      para(
        `根据《中华人民共和国行政强制法》第三十五条、第五十四条的规定，现催告${p}自收到本催告书之日起` +
          `${Number.isInteger(dayCount) && dayCount > 0 ? cnNumber(dayCount) : '十'}日内履行下列义务：`,
      ),
      ...items(duties),
      para(`履行方式：将上述款项缴至${v(pay?.bank)}（户名：${v(pay?.accountName)}；账号：${v(pay?.account)}）。`),
      para(`${p}有权进行陈述和申辩，可以在收到本催告书之日起三日内向本机关提出。逾期仍不履行的，本机关将依法申请人民法院强制执行。`),
      ...contactBlocks(data),
      closing(data),
    ];
  },
};

/** 案件移送书: a case outside the agency's jurisdiction (or a suspected crime) goes to the competent body. */
export const caseTransfer: Template = {
  required: [AGENCY, field('extra.receiver', '接收移送的机关'), CASE_TITLE, PARTY_NAME, FACTS, LEGAL_BASES, EVIDENCE],
  extraKeys: {
    receiver: '接收移送的机关',
    reason: '移送理由(可选,如涉嫌拒不支付劳动报酬罪)',
    basis: '移送依据(可选,默认引用全部法律依据)',
  },
  build: (data) => {
    const reason = data.extra?.reason?.trim();
    return [
      addressee(data.extra?.receiver),
      para(`本机关在办理${v(data.case?.title)}（当事人：${v(data.party?.name)}）过程中查明：`),
      ...factsBlocks(data, ''),
      para(
        `${reason ? `鉴于${reason.replace(/[。；，]$/, '')}，` : ''}根据${basisOr(data, citeLaws(data.legalBases))}的规定，` +
          '该案属于你单位管辖，现将该案移送你单位依法处理，请将处理结果函告本机关。',
      ),
      para('附件：案件材料'),
      ...evidenceLines(data.evidence).map((text) => para(text)),
      ...contactBlocks(data),
      closing(data),
    ];
  },
};
