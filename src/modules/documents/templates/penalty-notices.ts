import { para } from '../content.js';
import type { DocumentData } from '../data.js';
import { AGENCY, CONTACT, EVIDENCE, FACTS, FINE_AMOUNT, field, PARTY_NAME, PENALTY, PENALTY_LAWS, VIOLATED_LAWS } from '../fields.js';
import type { Template } from '../template.js';
import { citeLaws, penaltyItems, penaltySummary, v } from '../wording.js';
import { addressee, closing, contactBlocks, days, discretionText, evidenceBlocks, factsBlocks, P } from './common.js';

/** 拟作出的处罚: violated rules, basis, discretion, then the items. */
function intendedPenalty(data: DocumentData) {
  const p = P(data);
  return [
    para(
      `${p}的上述行为违反了${citeLaws(data.legalBases, 'violated')}的规定。根据${citeLaws(data.legalBases, 'penalty')}的规定，` +
        `${discretionText(data)}本机关拟对${p}作出如下行政处罚：`,
    ),
    ...penaltyItems(data.penalty).map((text) => para(text)),
  ];
}

function hearingRight(data: DocumentData) {
  const p = P(data);
  return para(
    `根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，${p}有权要求举行听证。${p}可以在收到本告知书之日起` +
      `${days(data.rights?.hearingDays, 5)}个工作日内向本机关提出书面或者口头申请，要求举行听证；逾期未提出的，视为放弃听证的权利。`,
  );
}

/** 行政处罚事先告知书 (行政处罚法 §44, §45; the hearing right when §63 applies). */
export const penaltyPriorNotice: Template = {
  required: [AGENCY, PARTY_NAME, FACTS, EVIDENCE, VIOLATED_LAWS, PENALTY_LAWS, PENALTY, FINE_AMOUNT, ...CONTACT],
  extraKeys: {},
  build: (data) => {
    const p = P(data);
    return [
      addressee(data.party?.name),
      ...factsBlocks(data),
      ...evidenceBlocks(data),
      ...intendedPenalty(data),
      para(
        `根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，${p}有权进行陈述和申辩。${p}可以在收到本告知书之日起` +
          `${days(data.rights?.statementDays, 3)}个工作日内向本机关提出陈述、申辩意见；逾期未提出的，视为放弃陈述、申辩的权利。`,
      ),
      ...(data.rights?.hearing ? [hearingRight(data)] : []),
      ...contactBlocks(data),
      closing(data),
    ];
  },
};

/** 行政处罚听证告知书: the intended penalty and the right to a hearing within five working days. */
export const hearingNotice: Template = {
  required: [AGENCY, PARTY_NAME, field('case.title', '案由'), FACTS, VIOLATED_LAWS, PENALTY_LAWS, PENALTY, FINE_AMOUNT, ...CONTACT],
  extraKeys: { priorNoticeNumber: '已送达的行政处罚事先告知书文号(可选)' },
  build: (data) => {
    const prior = data.extra?.priorNoticeNumber?.trim();
    return [
      addressee(data.party?.name),
      para(
        `本机关在办理${v(data.case?.title)}中，拟对${P(data)}作出${penaltySummary(data.penalty)}的行政处罚` +
          `${prior ? `（拟作出行政处罚的事实、理由和依据已以${prior}《行政处罚事先告知书》告知）` : ''}。`,
      ),
      ...factsBlocks(data),
      ...intendedPenalty(data),
      hearingRight(data),
      para('听证依照《中华人民共和国行政处罚法》第六十四条规定的程序进行。当事人不承担行政机关组织听证的费用。'),
      ...contactBlocks(data),
      closing(data),
    ];
  },
};
