import { type Block, line, para } from '../content.js';
import type { DocumentData } from '../data.js';
import {
  AGENCY,
  CASE_TITLE,
  EVIDENCE,
  FACTS,
  FINE_AMOUNT,
  field,
  PARTY_IDENTITY,
  PARTY_NAME,
  PAYMENT,
  PENALTY,
  PENALTY_LAWS,
  REMEDIES,
  VIOLATED_LAWS,
} from '../fields.js';
import type { Template } from '../template.js';
import { citeLaws, dateText, partyLines, penaltyItems, v } from '../wording.js';
import { closing, days, discretionText, evidenceBlocks, factsBlocks, items, P, remediesBlock } from './common.js';

function opening(data: DocumentData): Block[] {
  const filed = data.dates?.filed;
  return [
    ...partyLines(data.party).map((text) => line(text)),
    para(
      filed
        ? `本机关于${dateText(filed)}对${v(data.case?.title)}立案调查，现已调查终结。`
        : `本机关对${v(data.case?.title)}进行了调查，现已调查终结。`,
    ),
    ...factsBlocks(data),
    ...evidenceBlocks(data),
  ];
}

/** 罚缴分离 (行政处罚法 §67): pay at the bank within fifteen days; §72 加处罚款 when late. */
function paymentBlock(data: DocumentData): Block {
  const pay = data.payment;
  return para(
    `${P(data)}应当自收到本决定书之日起${days(pay?.deadlineDays, 15)}日内，将罚款缴至${v(pay?.bank)}` +
      `（户名：${v(pay?.accountName)}；账号：${v(pay?.account)}）。根据《中华人民共和国行政处罚法》第六十七条的规定，本机关不直接收缴罚款。` +
      '到期不缴纳罚款的，本机关将根据《中华人民共和国行政处罚法》第七十二条第一款第一项的规定，每日按罚款数额的百分之三加处罚款。',
  );
}

/**
 * 行政处罚决定书 with the elements of 行政处罚法 §59: the party, the facts and evidence, the rules
 * broken, the penalty and its basis, how and by when to perform it, the remedies and their periods,
 * the agency and the date.
 */
export const penaltyDecision: Template = {
  required: [
    AGENCY,
    PARTY_NAME,
    ...PARTY_IDENTITY,
    CASE_TITLE,
    FACTS,
    EVIDENCE,
    VIOLATED_LAWS,
    PENALTY_LAWS,
    PENALTY,
    FINE_AMOUNT,
    ...PAYMENT,
    field('dates.priorNoticeServed', '事先告知书送达日期'),
    field('rights.outcome', '陈述、申辩（听证）情况'),
    ...REMEDIES,
  ],
  extraKeys: { priorNoticeNumber: '行政处罚事先告知书文号(可选)' },
  build: (data) => {
    const p = P(data);
    const prior = data.extra?.priorNoticeNumber?.trim();
    const fine = data.penalty?.types?.includes('罚款') === true;
    return [
      ...opening(data),
      para(
        `本机关于${dateText(data.dates?.priorNoticeServed)}向${p}送达了《行政处罚事先告知书》${prior ? `（${prior}）` : ''}，` +
          `告知${p}拟作出行政处罚的事实、理由、依据以及依法享有的陈述、申辩${data.rights?.hearing ? '和要求听证' : ''}的权利。` +
          `${v(data.rights?.outcome).replace(/[。]?$/, '。')}`,
      ),
      para(
        `本机关认为，${p}的上述行为违反了${citeLaws(data.legalBases, 'violated')}的规定。根据${citeLaws(data.legalBases, 'penalty')}的规定，` +
          `${discretionText(data)}本机关决定对${p}作出如下行政处罚：`,
      ),
      ...penaltyItems(data.penalty).map((text) => para(text)),
      ...(fine ? [paymentBlock(data)] : []),
      remediesBlock(data, '本处罚决定', '本决定书'),
      para(`逾期不申请行政复议、不提起行政诉讼又不履行本处罚决定的，本机关将依法申请人民法院强制执行。`),
      closing(data),
    ];
  },
};

/** 行政处理决定书: orders (e.g. 责令支付拖欠的工资) with a deadline, and the remedies. */
export const handlingDecision: Template = {
  required: [
    AGENCY,
    PARTY_NAME,
    ...PARTY_IDENTITY,
    CASE_TITLE,
    FACTS,
    EVIDENCE,
    VIOLATED_LAWS,
    PENALTY_LAWS,
    field('orders', '处理决定事项'),
    field('dates.deadline', '履行期限'),
    ...REMEDIES,
  ],
  extraKeys: {},
  build: (data) => {
    const p = P(data);
    return [
      ...opening(data),
      para(
        `本机关认为，${p}的上述行为违反了${citeLaws(data.legalBases, 'violated')}的规定。根据${citeLaws(data.legalBases, 'penalty')}的规定，` +
          '本机关作出如下处理决定：',
      ),
      ...items(data.orders),
      para(`${p}应当于${dateText(data.dates?.deadline)}前履行上述决定，并将履行情况书面报送本机关。`),
      remediesBlock(data, '本处理决定', '本决定书'),
      para('逾期不申请行政复议、不提起行政诉讼又不履行本处理决定的，本机关将依法申请人民法院强制执行。'),
      closing(data),
    ];
  },
};
