import { line, para } from '../content.js';
import { AGENCY, CASE_TITLE, field, PARTY_NAME } from '../fields.js';
import type { Template } from '../template.js';
import { v } from '../wording.js';
import { closing, extraList } from './common.js';

/**
 * 重大行政执法决定法制审核意见书 (行政处罚法 §58; plan §13–14): addressed to the handling unit, it names
 * the case and the round, gives the result of each checklist item, the conclusion (同意 / 存在问题 /
 * 建议修改后提交) and, when returned, each problem to correct; signed by the 法制审核人员.
 */
export const reviewOpinion: Template = {
  required: [
    AGENCY,
    CASE_TITLE,
    PARTY_NAME,
    field('unitName', '承办机构'),
    field('extra.conclusion', '审核结论'),
    field('extra.checklist', '审核事项及意见'),
    field('extra.reviewer', '审核人员'),
  ],
  extraKeys: {
    round: '审核轮次',
    conclusion: '审核结论(同意/存在问题/建议修改后提交)',
    checklist: '审核事项及意见,每行一项',
    problems: '存在的问题,每行一项(退回时)',
    note: '其他意见(可选)',
    reviewer: '审核人员及法律职业资格',
    submittedOn: '送审日期',
  },
  build: (data) => {
    const round = data.extra?.round?.trim();
    const problems = extraList(data, 'problems').filter((p) => p.trim() !== '');
    const note = data.extra?.note?.trim();
    return [
      line(`${v(data.unitName)}：`),
      para(
        `你单位${data.extra?.submittedOn ? `于${v(data.extra.submittedOn)}` : ''}报送的${v(data.case?.title)}（当事人：${v(data.party?.name)}）` +
          `重大行政执法决定${round && round !== '1' ? `第${round}次` : ''}法制审核材料收悉。经审核，意见如下：`,
      ),
      ...extraList(data, 'checklist')
        .filter((t) => t.trim() !== '')
        .map((text) => para(text)),
      para(`审核结论：${v(data.extra?.conclusion)}。`),
      ...(problems.length > 0 ? [para('存在的问题：'), ...problems.map((text, i) => para(`${i + 1}. ${text}`))] : []),
      ...(problems.length > 0 ? [para('请对上述问题逐项作出说明或者修改后，重新报送法制审核。')] : []),
      ...(note ? [para(`其他意见：${note}`)] : []),
      para(`审核人员：${v(data.extra?.reviewer)}`),
      closing(data),
    ];
  },
};
