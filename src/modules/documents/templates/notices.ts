import { para } from '../content.js';
import { AGENCY, CASE_TITLE, CONTACT, EVIDENCE, FACTS, field, PARTY_NAME, VIOLATED_LAWS } from '../fields.js';
import type { Template } from '../template.js';
import { citeLaws, dateText, evidenceLines, paragraphsOf, timeText, v } from '../wording.js';
import { addressee, basisOr, closing, contactBlocks, extraList, items, lawsOr, P, remediesBlock } from './common.js';

/** 调查询问通知书 (劳动保障监察条例 §15): come at a time and place, bring these materials. */
export const inquiryNotice: Template = {
  required: [
    AGENCY,
    PARTY_NAME,
    CASE_TITLE,
    field('extra.appointmentTime', '接受调查询问的时间'),
    field('extra.appointmentPlace', '接受调查询问的地点'),
    ...CONTACT,
  ],
  extraKeys: {
    basis: '调查依据(可选,默认《劳动保障监察条例》第十五条)',
    appointmentTime: '接受调查询问的时间(YYYY-MM-DD HH:mm)',
    appointmentPlace: '接受调查询问的地点',
    materials: '需提供的材料,每行一项(可选)',
  },
  build: (data) => {
    const p = P(data);
    const org = data.party?.kind !== 'natural';
    const materials = extraList(data, 'materials').filter((m) => m.trim() !== '');
    return [
      addressee(data.party?.name),
      para(
        `为调查了解${v(data.case?.title)}有关情况，根据${basisOr(data, '《劳动保障监察条例》第十五条')}的规定，` +
          `请${p}${org ? '指派法定代表人（主要负责人）或者委托代理人' : ''}于${timeText(data.extra?.appointmentTime)}` +
          `到${v(data.extra?.appointmentPlace)}接受调查询问${materials.length > 0 ? '，并提供下列材料：' : '。'}`,
      ),
      ...(materials.length > 0 ? items(materials) : []),
      para('接受调查询问时请携带本通知书和身份证明；委托他人的，应当同时提交授权委托书。'),
      para('无正当理由拒不接受调查询问、拒不提供有关材料或者提供虚假材料的，本机关将依照《劳动保障监察条例》第三十条的规定处理。'),
      ...contactBlocks(data),
      closing(data),
    ];
  },
};

/** 先行登记保存证据通知书 (行政处罚法 §56): what is kept, where, until when; a decision within seven days. */
export const evidencePreservationNotice: Template = {
  required: [
    AGENCY,
    PARTY_NAME,
    CASE_TITLE,
    EVIDENCE,
    field('extra.storagePlace', '保存地点'),
    field('dates.deadline', '保存期限届满日'),
    ...CONTACT,
  ],
  extraKeys: { storagePlace: '证据保存地点', basis: '保存依据(可选,默认《中华人民共和国行政处罚法》第五十六条)' },
  build: (data) => {
    const p = P(data);
    return [
      addressee(data.party?.name),
      para(
        `本机关在调查${v(data.case?.title)}中，发现相关证据可能灭失或者以后难以取得。经本机关负责人批准，` +
          `根据${basisOr(data, '《中华人民共和国行政处罚法》第五十六条')}的规定，决定对下列证据予以先行登记保存：`,
      ),
      ...evidenceLines(data.evidence).map((text) => para(text)),
      para(`保存地点：${v(data.extra?.storagePlace)}；保存期限：自${dateText(data.dates?.document)}至${dateText(data.dates?.deadline)}。`),
      para(`保存期间，${p}及有关人员不得损毁、销毁或者转移上述证据。本机关将在七日内对上述证据作出处理决定。`),
      ...contactBlocks(data),
      closing(data),
    ];
  },
};

/** 限期改正指令书: the violations, the rules broken, what to correct by when, and the remedies when given. */
export const rectificationOrder: Template = {
  required: [AGENCY, PARTY_NAME, FACTS, VIOLATED_LAWS, field('orders', '责令改正事项'), field('dates.deadline', '改正期限'), ...CONTACT],
  extraKeys: {},
  build: (data) => {
    const p = P(data);
    return [
      addressee(data.party?.name),
      para(`经查，${p}存在下列违反劳动保障法律、法规或者规章的行为：`),
      ...paragraphsOf(data.facts).map((text) => para(text)),
      para(
        `上述行为违反了${citeLaws(data.legalBases, 'violated')}的规定。根据${lawsOr(data.legalBases, 'penalty', '《劳动保障监察条例》第十八条')}` +
          `的规定，现责令${p}于${dateText(data.dates?.deadline)}前改正下列行为：`,
      ),
      ...items(data.orders),
      para(`请${p}在规定期限内改正，并将改正情况书面报送本机关。逾期不改正的，本机关将依法处理。`),
      ...(data.remedies?.reconsiderationBody ? [remediesBlock(data, '本指令', '本指令书')] : []),
      ...contactBlocks(data),
      closing(data),
    ];
  },
};
