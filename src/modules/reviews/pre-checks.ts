import type { Kysely } from 'kysely';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import type { CaseView } from '../cases/index.js';
import { officersOnDate } from '../officers/index.js';
import type { PreCheck } from './review-data.js';

// 自动预审 (issue 6 item 3): what the platform can check itself, so reviewers spend their time on law
// and facts. Each check reads the case as recorded and says pass / fail / attention in one sentence,
// with a link to what it looked at.

type Check = (db: Kysely<Database>, c: CaseView) => Promise<PreCheck>;

const caseLink = (c: CaseView) => `/console/cases?id=${encodeURIComponent(c.id)}`;

/** Steps where two officers with valid certificates must act (劳动保障监察条例 §16, 行政处罚法 §42). */
const TWO_OFFICER_STEPS: readonly string[] = ['investigate', 'preserve_evidence', 'on_the_spot'];

const officers: Check = async (db, c) => {
  const problems: string[] = [];
  for (const step of c.steps) {
    const ids = Array.isArray(step.data.officerIds) ? (step.data.officerIds as string[]) : [];
    if (ids.length === 0 && !TWO_OFFICER_STEPS.includes(step.action)) continue;
    if (TWO_OFFICER_STEPS.includes(step.action) && new Set(ids).size < 2)
      problems.push(`第 ${step.seq} 步「${step.actionLabel}」执法人员不足两名`);
    const found = await officersOnDate(db, ids, step.performedOn);
    for (const o of found.filter((f) => !f.valid)) {
      problems.push(`第 ${step.seq} 步「${step.actionLabel}」${o.name}(${o.certificateNo})在 ${step.performedOn} ${o.statusLabel}`);
    }
  }
  return {
    key: 'officers',
    label: '执法人员资格',
    status: problems.length === 0 ? 'pass' : 'fail',
    detail: problems.length === 0 ? '各环节执法人员均不少于两名,执法证件在办理当日有效' : problems.join(';'),
    link: caseLink(c),
  };
};

const notice: Check = async (_db, c) => {
  const n = c.data.notice;
  const served = n?.service;
  return {
    key: 'notice',
    label: '事先告知',
    status: served ? 'pass' : 'fail',
    detail: served
      ? `《行政处罚事先告知书》${served.documentNumber ?? ''}已于 ${served.servedOn} ${served.method}${n?.rightsWaived ? ',当事人书面放弃陈述申辩和听证' : ''}`
      : '尚未送达行政处罚事先告知书',
    link: caseLink(c),
  };
};

/** The limits the agency must meet (the party's periods — 听证申请, 缴款, 催告 — are not the agency's to meet). */
const AGENCY_LIMITS: readonly string[] = ['acceptance', 'investigation', 'decision', 'decisionService', 'preservationDecision'];

const deadlines: Check = async (_db, c) => {
  const today = shanghaiToday();
  const late = c.data.deadlines.filter((d) => AGENCY_LIMITS.includes(d.kind) && d.due !== null && (d.closedOn ?? today) > d.due);
  return {
    key: 'deadlines',
    label: '办案期限',
    status: late.length === 0 ? 'pass' : 'fail',
    detail:
      late.length === 0
        ? '各项期限均已遵守'
        : late.map((d) => `${d.label}(至 ${d.due})${d.closedOn ? `于 ${d.closedOn} 才完成` : '已逾期'}`).join(';'),
    link: caseLink(c),
  };
};

const benchmark: Check = async (_db, c) => {
  const b = c.data.notice?.benchmark;
  if (!b) return { key: 'benchmark', label: '裁量基准', status: 'fail', detail: '未选择裁量基准', link: caseLink(c) };
  const range = b.rangeYuan ? `${b.rangeYuan[0]}–${b.rangeYuan[1]} 元` : '无罚款幅度';
  if (b.withinTier) {
    return {
      key: 'benchmark',
      label: '裁量基准',
      status: 'pass',
      detail: `${b.code} 第 ${b.tierNo} 阶次(${range}),拟处罚在幅度内`,
      link: caseLink(c),
    };
  }
  return {
    key: 'benchmark',
    label: '裁量基准',
    status: b.departureReason.trim() === '' ? 'fail' : 'attention',
    detail: `${b.code} 第 ${b.tierNo} 阶次(${range}),拟处罚超出幅度;理由:${b.departureReason || '(未说明)'}`,
    link: caseLink(c),
  };
};

export const PRE_CHECKS: readonly Check[] = [officers, notice, deadlines, benchmark];

/** Every pre-check against the case as it is now. */
export async function runPreChecks(db: Kysely<Database>, c: CaseView): Promise<PreCheck[]> {
  const results: PreCheck[] = [];
  for (const check of PRE_CHECKS) results.push(await check(db, c));
  return results;
}
