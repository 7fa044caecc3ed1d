import type { DocumentType } from '../documents/index.js';
import type { CitedBenchmark } from './pre-checks-facts.js';
import { caseLink, type Judge, verdict } from './pre-checks-procedure.js';
import type { PreCheck } from './review-data.js';

// 法律适用、裁量、文书: the benchmark cited is this item's and names its law, the amount sits in its
// tier, and the documents the procedure so far requires are issued and in force.

const benchmarkLink = (code: string) => `/benchmarks/${encodeURIComponent(code)}`;
const cite = (bases: readonly { law: string; article: string }[]) => bases.map((b) => `《${b.law}》${b.article}`).join('、');

function basisProblems(b: CitedBenchmark, itemCode: string): string[] {
  const at = `${b.where}适用的裁量基准 ${b.choice.code}`;
  if (!b.entry) return [`${at}的版本不存在`];
  const { data } = b.entry;
  const problems: string[] = [];
  if (data.itemCode !== '' && data.itemCode !== itemCode) problems.push(`${at}适用于执法事项 ${data.itemCode},与本案事项 ${itemCode} 不符`);
  if (data.violationBases.length === 0) problems.push(`${at}未载明违法依据`);
  if (data.penaltyBases.length === 0) problems.push(`${at}未载明处罚依据`);
  return problems;
}

/** 法律依据: the benchmark cited is for this case's item, and it names the law broken and the law punishing. */
export const legalBasis: Judge = (f) => {
  const c = f.case;
  const key = 'legal_basis';
  const label = '法律依据';
  const first = f.benchmarks[0];
  if (!first) return { key, label, status: 'fail', detail: '未选择裁量基准,无法核对适用的法律依据', link: caseLink(c) };
  const link = benchmarkLink(first.choice.code);
  const problems = f.benchmarks.flatMap((b) => basisProblems(b, c.itemCode));
  if (f.item && f.item.data.legalBases.length === 0) problems.push(`执法事项 ${c.itemCode} 未载明设定依据`);
  if (problems.length > 0) return verdict(f, key, label, problems, '', link);
  const unlinked = f.benchmarks.filter((b) => b.entry?.data.itemCode === '');
  if (unlinked.length > 0) {
    const codes = unlinked.map((b) => b.choice.code).join('、');
    return { key, label, status: 'attention', detail: `裁量基准 ${codes} 未关联执法事项,请核对是否适用于本案事项 ${c.itemCode}`, link };
  }
  const data = first.entry?.data;
  const detail = data
    ? `裁量基准 ${first.choice.code}「${data.name}」适用于本案事项;违法依据${cite(data.violationBases)},处罚依据${cite(data.penaltyBases)}`
    : '';
  return { key, label, status: 'pass', detail, link };
};

/** 裁量: the amount within the tier, or a departure with its reason (attention) or without one (fail). */
export const benchmark: Judge = (f) => {
  const b = (f.benchmarks.find((x) => x.where === '决定') ?? f.benchmarks[0])?.choice;
  if (!b) return { key: 'benchmark', label: '裁量基准', status: 'fail', detail: '未选择裁量基准', link: caseLink(f.case) };
  const link = benchmarkLink(b.code);
  const range = b.rangeYuan ? `${b.rangeYuan[0]}–${b.rangeYuan[1]} 元` : '无罚款幅度';
  if (b.withinTier) {
    return { key: 'benchmark', label: '裁量基准', status: 'pass', detail: `${b.code} 第 ${b.tierNo} 阶次(${range}),拟处罚在幅度内`, link };
  }
  return {
    key: 'benchmark',
    label: '裁量基准',
    status: b.departureReason.trim() === '' ? 'fail' : 'attention',
    detail: `${b.code} 第 ${b.tierNo} 阶次(${range}),拟处罚超出幅度;理由:${b.departureReason || '(未说明)'}`,
    link,
  };
};

interface Required {
  type: DocumentType;
  title: string;
  why: string;
  /** A missing one fails; else it is shown for attention (the approval itself is on the step record). */
  fails: boolean;
}

/** 执法文书: 立案审批表 once filed, 事先告知书 once notified, 听证笔录 once heard — issued and in force. */
export const documents: Judge = (f) => {
  const c = f.case;
  const required: Required[] = [];
  const filed = c.steps.find((s) => s.action === 'file');
  if (filed) required.push({ type: 'filing_approval', title: '立案审批表', why: `已于 ${filed.performedOn} 立案`, fails: false });
  if (c.data.notice) required.push({ type: 'penalty_prior_notice', title: '行政处罚事先告知书', why: '已拟定事先告知', fails: true });
  if (c.data.hearing?.heldOn)
    required.push({ type: 'hearing_record', title: '听证笔录', why: `已于 ${c.data.hearing.heldOn} 举行听证`, fails: true });
  const inForce = f.documents.filter((d) => d.supersededBy === null);
  const missing = required.filter((r) => !inForce.some((d) => d.type === r.type));
  const problems = missing.map((r) => `${r.why},未签发《${r.title}》`);
  const servedId = c.data.notice?.service?.documentId;
  const served = f.documents.find((d) => d.id === servedId);
  if (served && served.supersededBy !== null) problems.push(`送达的《${served.title}》${served.number ?? ''}已被更正,更正后的文书尚未送达`);
  const status: PreCheck['status'] = missing.some((r) => r.fails) ? 'fail' : problems.length > 0 ? 'attention' : 'pass';
  const issued = required.map((r) => `《${r.title}》`).join('、');
  return {
    key: 'documents',
    label: '执法文书',
    status,
    detail: problems.length > 0 ? problems.join(';') : required.length > 0 ? `${issued}均已签发且现行有效` : '本案尚无须签发的执法文书',
    link: caseLink(c),
  };
};
