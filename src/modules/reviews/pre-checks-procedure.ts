import { inHearingScope } from '../cases/case-data.js';
import type { CaseView } from '../cases/index.js';
import { type PreCheckFacts, TWO_OFFICER_STEPS } from './pre-checks-facts.js';
import type { PreCheck } from './review-data.js';

// 主体、人员资格、程序: who acted, with what power, in what order and within which limits.

export type Judge = (f: PreCheckFacts) => PreCheck;

export const caseLink = (c: CaseView) => `/console/cases?id=${encodeURIComponent(c.id)}`;

/** A check that passes with `ok` when nothing is wrong, else fails listing every problem. */
export function verdict(f: PreCheckFacts, key: string, label: string, problems: string[], ok: string, link?: string): PreCheck {
  return {
    key,
    label,
    status: problems.length === 0 ? 'pass' : 'fail',
    detail: problems.length === 0 ? ok : problems.join(';'),
    link: link ?? caseLink(f.case),
  };
}

/** 执法主体: the item the case was registered under names the case's unit, or a unit above it, as implementing body. */
export const subject: Judge = (f) => {
  const c = f.case;
  const link = `/items/${encodeURIComponent(c.itemCode)}`;
  if (!f.item) return verdict(f, 'subject', '执法主体与职权', [`本案所依据的执法事项版本(${c.itemCode})不存在`], '', link);
  const { name, unitId } = f.item.data;
  const problems = f.unitChain.includes(unitId)
    ? []
    : [`执法事项「${name}」的实施主体为${f.unitName(unitId)},本案承办机构${f.unitName(c.unitId)}不在其职权范围内`];
  return verdict(
    f,
    'subject',
    '执法主体与职权',
    problems,
    `执法事项「${name}」(${c.itemCode} 第 ${f.item.versionNo} 版)由${f.unitName(unitId)}实施,本案由${f.unitName(c.unitId)}承办,在其职权范围内`,
    link,
  );
};

/** 执法人员资格: every officer on record, certificate valid on the day; two or more where the law asks. */
export const officers: Judge = (f) => {
  const problems: string[] = [];
  const { on, found } = f.caseOfficers;
  for (const o of found.filter((o) => !o.valid)) problems.push(`承办人员${o.name}(${o.certificateNo})在 ${on} ${o.statusLabel}`);
  for (const step of f.stepOfficers) {
    const at = `第 ${step.seq} 步「${step.label}」`;
    if (TWO_OFFICER_STEPS.includes(step.action) && new Set(step.ids).size < 2) problems.push(`${at}执法人员不足两名`);
    const missing = step.ids.filter((id) => !step.found.some((o) => o.id === id));
    if (missing.length > 0) problems.push(`${at}有 ${missing.length} 名执法人员不在执法人员名录中`);
    for (const o of step.found.filter((o) => !o.valid)) problems.push(`${at}${o.name}(${o.certificateNo})在 ${step.on} ${o.statusLabel}`);
  }
  return verdict(f, 'officers', '执法人员资格', problems, '承办人员和各环节执法人员的执法证件在办理当日均有效,调查检查均不少于两名');
};

/** 程序顺序: steps dated in order, from the day the case came in, and 立案 before any 调查取证. */
export const sequence: Judge = (f) => {
  const c = f.case;
  const problems: string[] = [];
  const first = c.steps[0];
  if (first && first.performedOn < c.receivedOn)
    problems.push(`第 ${first.seq} 步「${first.actionLabel}」早于收到案源的日期 ${c.receivedOn}`);
  c.steps.forEach((step, i) => {
    const before = c.steps[i - 1];
    if (before && step.performedOn < before.performedOn) {
      problems.push(
        `第 ${step.seq} 步「${step.actionLabel}」(${step.performedOn})早于前一步「${before.actionLabel}」(${before.performedOn})`,
      );
    }
  });
  const filed = c.steps.find((s) => s.action === 'file');
  const investigated = c.steps.find((s) => s.action === 'investigate');
  if (investigated && (!filed || filed.seq > investigated.seq || filed.performedOn > investigated.performedOn)) {
    problems.push(`调查取证(${investigated.performedOn})在立案${filed ? `(${filed.performedOn})` : ''}之前进行`);
  }
  return verdict(f, 'sequence', '办案程序顺序', problems, `${c.steps.length} 个办案环节按先后顺序办理,先立案后调查`);
};

/** 事先告知: served, and before the decision when there is one (行政处罚法 §44, §62). */
export const notice: Judge = (f) => {
  const n = f.case.data.notice;
  const served = n?.service;
  const decided = f.case.data.decision?.decidedOn;
  const problems = !served
    ? ['尚未送达行政处罚事先告知书']
    : decided && served.servedOn > decided
      ? [`事先告知书 ${served.servedOn} 才送达,晚于 ${decided} 作出的处罚决定`]
      : [];
  const ok = served
    ? `《行政处罚事先告知书》${served.documentNumber ?? ''}已于 ${served.servedOn} ${served.method}${n?.rightsWaived ? ',当事人书面放弃陈述申辩和听证' : ''}`
    : '';
  return verdict(f, 'notice', '事先告知', problems, ok);
};

/** 听证: a penalty in the hearing scope is notified with the right to a hearing, and a requested hearing is held. */
export const hearing: Judge = (f) => {
  const c = f.case;
  const n = c.data.notice;
  const base = { key: 'hearing', label: '听证权利', link: caseLink(c) };
  if (!n) return { ...base, status: 'fail', detail: '尚未拟定事先告知,无法确认是否告知听证权利' };
  const inScope = inHearingScope(n.penalty);
  if (inScope && n.hearingOffered !== true) {
    return {
      ...base,
      status: 'fail',
      detail: `拟处${n.penalty.types.join('、')}属于听证范围(行政处罚法第六十三条),事先告知未告知听证权利`,
    };
  }
  const h = c.data.hearing;
  if (h?.heldOn) return { ...base, status: 'pass', detail: `当事人于 ${h.requestedOn} 申请听证,已于 ${h.heldOn} 举行听证` };
  if (h) return { ...base, status: 'attention', detail: `当事人已于 ${h.requestedOn} 申请听证,尚未举行听证` };
  return {
    ...base,
    status: 'pass',
    detail: n.hearingOffered ? '事先告知书已告知听证权利,当事人未申请听证' : '拟作出的处罚不属于听证范围,已告知陈述、申辩权利',
  };
};

/** The limits the agency must meet (the party's periods — 听证申请, 缴款, 催告 — are not the agency's to meet). */
const AGENCY_LIMITS: readonly string[] = ['acceptance', 'investigation', 'decision', 'decisionService', 'preservationDecision'];

/** 办案期限: every agency limit closed on time, and none open past its due day. */
export const deadlines: Judge = (f) => {
  const late = f.case.data.deadlines.filter((d) => AGENCY_LIMITS.includes(d.kind) && d.due !== null && (d.closedOn ?? f.today) > d.due);
  const problems = late.map((d) => `${d.label}(至 ${d.due})${d.closedOn ? `于 ${d.closedOn} 才完成` : '已逾期'}`);
  return verdict(f, 'deadlines', '办案期限', problems, '各项办案期限均已遵守');
};
