import { line, para } from '../content.js';
import {
  AGENCY,
  FACTS,
  FINE_AMOUNT,
  field,
  OFFICERS,
  PARTY_IDENTITY,
  PARTY_NAME,
  PAYMENT,
  PENALTY,
  PENALTY_LAWS,
  REMEDIES,
  VIOLATED_LAWS,
} from '../fields.js';
import type { Template } from '../template.js';
import { citeLaws, dateText, officersText, partyLines, penaltyItems, v } from '../wording.js';
import { closing, days, P, remediesBlock } from './common.js';

/**
 * 当场行政处罚决定书 (行政处罚法 §51–52, 简易程序): a numbered form handed over on the spot, naming the
 * violation, the penalty and its basis, the time and place, the remedies, the agency and the officers
 * (who show their certificates). The party was told the facts, reasons and rights before it was made.
 * Fines are still paid at the bank (罚缴分离, §67).
 */
export const onTheSpotDecision: Template = {
  required: [
    AGENCY,
    PARTY_NAME,
    ...PARTY_IDENTITY,
    FACTS,
    VIOLATED_LAWS,
    PENALTY_LAWS,
    PENALTY,
    FINE_AMOUNT,
    ...PAYMENT,
    field('dates.decision', '处罚时间'),
    field('extra.place', '处罚地点'),
    OFFICERS,
    ...REMEDIES,
  ],
  extraKeys: { place: '当场处罚的地点' },
  build: (data) => {
    const p = P(data);
    const pay = data.payment;
    const fine = data.penalty?.types?.includes('罚款') === true;
    return [
      ...partyLines(data.party).map((text) => line(text)),
      para(`${p}于${dateText(data.dates?.decision)}在${v(data.extra?.place)}，${v(data.facts)}`.replace(/[。]?$/, '。')),
      para(
        `执法人员已向${p}出示执法证件，告知了拟作出行政处罚的事实、理由和依据，以及${p}依法享有的陈述、申辩的权利。` +
          `${p}的上述行为违反了${citeLaws(data.legalBases, 'violated')}的规定。根据${citeLaws(data.legalBases, 'penalty')}和` +
          '《中华人民共和国行政处罚法》第五十一条的规定，当场作出如下行政处罚：',
      ),
      ...penaltyItems(data.penalty).map((text) => para(text)),
      ...(fine
        ? [
            para(
              `${p}应当自收到本决定书之日起${days(pay?.deadlineDays, 15)}日内，将罚款缴至${v(pay?.bank)}` +
                `（户名：${v(pay?.accountName)}；账号：${v(pay?.account)}）。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。`,
            ),
          ]
        : []),
      remediesBlock(data, '本处罚决定', '本决定书'),
      para(`执法人员：${officersText(data.officers)}`),
      para(`当事人签收：${'＿'.repeat(8)}　　年　　月　　日`),
      closing(data),
    ];
  },
};
