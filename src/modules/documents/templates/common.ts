import { type Block, line, para, signature } from '../content.js';
import type { DocumentData, LegalBasis } from '../data.js';
import { citeLaws, cnNumber, dateText, enumerate, evidenceLines, paragraphsOf, pronoun, v } from '../wording.js';

/** 主送: the party's name followed by a colon, flush left. */
export const addressee = (name: string | undefined): Block => line(`${v(name)}：`);

/** 落款: the agency and the 成文日期. */
export const closing = (data: DocumentData): Block => signature(v(data.agencyName), dateText(data.dates?.document));

/** The party as the text addresses it (你 / 你单位 / 你（单位）). */
export const P = (data: DocumentData): string => pronoun(data.party);

/** 经查，<facts> — the first paragraph gets the lead-in unless it already has one. */
export function factsBlocks(data: DocumentData, lead = '经查，'): Block[] {
  return paragraphsOf(data.facts).map((text, i) => para(i === 0 && !text.startsWith('经查') ? `${lead}${text}` : text));
}

export function evidenceBlocks(data: DocumentData): Block[] {
  return [para('以上事实有以下证据证明：'), ...evidenceLines(data.evidence).map((text) => para(text))];
}

/** The power a procedural document is made under: `extra.basis` when given, else the template's statutory default. */
export const basisOr = (data: DocumentData, fallback: string): string => data.extra?.basis?.trim() || fallback;

/** The laws of one role, or of the fallback text when the case gives none of that role. */
export function lawsOr(bases: readonly LegalBasis[] | undefined, role: LegalBasis['role'], fallback: string): string {
  return (bases ?? []).some((b) => b.role === role) ? citeLaws(bases, role) : fallback;
}

/** 参照《…》（RB0003）“一般”情形，理由， — empty when no benchmark was applied. */
export function discretionText(data: DocumentData): string {
  const d = data.discretion;
  if (!d || !(d.benchmarkName || d.benchmarkCode || d.tier || d.reason)) return '';
  const name = d.benchmarkName ? `《${d.benchmarkName}》` : '行政处罚裁量基准';
  const code = d.benchmarkCode ? `（${d.benchmarkCode}）` : '';
  const tier = d.tier ? `，属于“${d.tier}”情形` : '';
  const reason = d.reason ? `，${d.reason.replace(/[。；，]$/, '')}` : '';
  return `参照${name}${code}${tier}${reason}，`;
}

/** 联系人、联系电话、联系地址 lines (only those given). */
export function contactBlocks(data: DocumentData): Block[] {
  const c = data.contact;
  const blocks: Block[] = [];
  if (c?.person || c?.phone) blocks.push(para(`联系人：${v(c.person)}　　联系电话：${v(c.phone)}`));
  if (c?.address) blocks.push(para(`联系地址：${c.address}`));
  return blocks;
}

/** 救济途径: 行政复议 (default 六十日) or 行政诉讼 (default 六个月); the decision is not suspended meanwhile. */
export function remediesBlock(data: DocumentData, what: string, document: string): Block {
  const r = data.remedies;
  const p = P(data);
  return para(
    `${p}如不服${what}，可以在收到${document}之日起${r?.reconsiderationPeriod?.trim() || '六十日'}内向${v(r?.reconsiderationBody)}申请行政复议，` +
      `也可以在收到${document}之日起${r?.litigationPeriod?.trim() || '六个月'}内直接向${v(r?.litigationCourt)}提起行政诉讼。` +
      `行政复议或者行政诉讼期间，${what}不停止执行，法律另有规定的除外。`,
  );
}

/** Days as printed in a period: 三, 五, 十五. */
export const days = (n: number | undefined, fallback: number): string => cnNumber(n !== undefined && n > 0 ? n : fallback);

/** Numbered items (一、…；二、…。) when there are several, the item itself when one. */
export const items = (list: readonly string[] | undefined): Block[] => enumerate(list ?? []).map((text) => para(text));

/** Lines of a free-text extra field (materials lists) as items. */
export const extraList = (data: DocumentData, key: string): string[] => (data.extra?.[key] ?? '').split(/\r?\n/);
