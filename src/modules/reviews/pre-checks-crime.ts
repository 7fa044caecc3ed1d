import type { PreCheckFacts } from './pre-checks-facts.js';
import { caseLink, type Judge } from './pre-checks-procedure.js';

// 涉嫌犯罪移送 (行政执法机关移送涉嫌犯罪案件的规定): the platform only recognises signs of 拒不支付劳动报酬
// (刑法 §276-1) and says so; whether to transfer is the reviewer's and the agency's judgement.

/**
 * When wage arrears reach 数额较大 for 拒不支付劳动报酬罪: 法释〔2013〕3号 §3 sets 5000–20000 元 owed to
 * one worker (three months or more) or 30000–100000 元 owed to ten or more workers, each province fixing
 * its figure within the range. Until the local standard is configured, the ten-worker band's lower
 * bound is used: 30000 元 owed, or ten workers owed, flags the case.
 */
export const WAGE_CRIME_THRESHOLD = { yuan: 30_000, workers: 10 } as const;

const WAGE_ITEM = /拖欠.{0,10}(工资|劳动报酬)|劳动报酬|欠薪|克扣.{0,4}工资/;
/** A 责令支付 (or 限期改正) order the employer did not follow — the element §276-1 turns on. */
const NOT_COMPLIED = /(逾期|拒不|仍不|仍未|未按期|未按时|未按照?要求)[^。;;]{0,20}(支付|改正|履行|清偿)/;
const ORDER_DOCUMENTS: readonly string[] = ['rectification_order', 'handling_decision'];

const numberOf = (text: string) => Number(text.replace(/,/g, ''));

/** A sentence about wages owed: only its figures count (a project's head count or a fine is no arrears). */
const ARREARS = /拖欠|欠发|欠付|欠薪|克扣|拒不支付|未[^,,。;;]{0,6}支付/;
const WORKERS = '(?:劳动者|农民工|职工|员工|工人)';
/** A sum in yuan, matched from its first digit, unless it is a fine (罚 just before it). */
const AMOUNT = /(?<![\d.,])(?<!罚[^,,。;;]{0,6})(\d[\d,]*(?:\.\d+)?)\s*(万)?\s*元/g;
const HEADS = new RegExp(`(\\d+)\\s*[名人]\\s*${WORKERS}|${WORKERS}\\s*(\\d+)\\s*[名人]`, 'g');

/** The largest amount owed in yuan and the largest count of workers owed that the text states ("共计 8.6 万元", "12 名劳动者"). */
export function statedFigures(text: string): { yuan: number; workers: number } {
  let yuan = 0;
  let workers = 0;
  for (const sentence of text.split(/[。;;\n]/).filter((s) => ARREARS.test(s))) {
    for (const m of sentence.matchAll(AMOUNT)) yuan = Math.max(yuan, numberOf(m[1] ?? '0') * (m[2] ? 10_000 : 1));
    for (const m of sentence.matchAll(HEADS)) workers = Math.max(workers, numberOf(m[1] ?? m[2] ?? '0'));
  }
  return { yuan, workers };
}

/** What the case shows of the arrears: the facts written, and the penalty's basis by the unit of its tier. */
function arrears(f: PreCheckFacts): { yuan: number; workers: number; text: string } {
  const c = f.case;
  const notes = c.steps.filter((s) => ['investigate', 'end_investigation'].includes(s.action)).map((s) => String(s.data.note ?? ''));
  const text = [c.data.summary, ...notes].join('。');
  const stated = statedFigures(text);
  let { yuan, workers } = stated;
  for (const b of f.benchmarks) {
    const unit = b.entry?.data.tiers[b.choice.tierNo - 1]?.fineUnit;
    const penalty = b.where === '决定' ? c.data.decision?.penalty : c.data.notice?.penalty;
    const q = penalty?.basisQuantity ?? 0;
    // A 倍 tier counts a multiple of the amount owed, a 元/人 tier the workers affected.
    if (unit === '倍') yuan = Math.max(yuan, q);
    if (unit === '元/人') workers = Math.max(workers, q);
  }
  return { yuan, workers, text };
}

export const crimeTransfer: Judge = (f) => {
  const c = f.case;
  const base = { key: 'crime_transfer', label: '涉嫌犯罪移送', link: caseLink(c) };
  const about = [f.item?.data.name, c.data.itemName, ...f.benchmarks.flatMap((b) => [b.entry?.data.name, b.entry?.data.category])].join(
    ' ',
  );
  if (!WAGE_ITEM.test(about)) {
    return { ...base, status: 'pass', detail: '本案事项不涉及拖欠劳动报酬,自动预审未发现涉嫌犯罪需移送的迹象' };
  }
  const { yuan, workers, text } = arrears(f);
  const signs: string[] = [];
  if (yuan >= WAGE_CRIME_THRESHOLD.yuan) signs.push(`拖欠数额约 ${yuan} 元,达到 ${WAGE_CRIME_THRESHOLD.yuan} 元`);
  if (workers >= WAGE_CRIME_THRESHOLD.workers) signs.push(`涉及劳动者 ${workers} 人,达到 ${WAGE_CRIME_THRESHOLD.workers} 人`);
  const ordered = f.documents.some((d) => ORDER_DOCUMENTS.includes(d.type)) || /责令[^。;;]{0,20}支付/.test(text);
  if (ordered && NOT_COMPLIED.test(text)) signs.push('经责令支付后逾期仍未支付');
  if (signs.length === 0) {
    return {
      ...base,
      status: 'pass',
      detail: `记载的欠薪数额和人数未达到 ${WAGE_CRIME_THRESHOLD.yuan} 元或 ${WAGE_CRIME_THRESHOLD.workers} 人,也未记载经责令支付仍不支付,未发现需移送的迹象`,
    };
  }
  return {
    ...base,
    status: 'attention',
    detail: `${signs.join(',')},可能涉嫌拒不支付劳动报酬罪(刑法第二百七十六条之一),建议审查是否移送公安机关;数额标准以本省规定为准,是否移送由审核人员判断`,
  };
};
