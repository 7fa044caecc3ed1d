import type { BenchmarkChoice, Penalty, Service } from '../../api/cases';
import { yuan } from './caseLabels';

/** 罚款 20000 元;警告 — the penalty in one line (the record and the print share it). */
export function penaltyText(p: Penalty): string {
  const types = p.types.map((t) => (t === '罚款' && p.fineYuan !== null ? `罚款 ${yuan(p.fineYuan)}` : t)).join('、');
  const basis = p.basisQuantity !== null ? `(计算基数 ${p.basisQuantity})` : '';
  return `${types}${basis}${p.description ? `;${p.description}` : ''}`;
}

export function rangeText(range: [number, number] | null): string {
  return range === null ? '不处罚款' : `${yuan(range[0])}–${yuan(range[1])}`;
}

/** 裁量基准 RB0007 第 2 阶次(一般,幅度 2 万–3 万元) — and whether the fine is within it. */
export function benchmarkText(b: BenchmarkChoice): string {
  const within = b.withinTier ? '在幅度内' : `偏离幅度:${b.departureReason}`;
  return `裁量基准 ${b.code} 第 ${b.tierNo} 阶次(${b.tierLevel},${rangeText(b.rangeYuan)}),${within}`;
}

/**
 * 直接送达,2026-11-02 送达,受送达人 某公司(王某),送达《行政处罚决定书》石人社监罚〔2026〕3号 — and for
 * 公告送达 the day of publication and the day it is deemed served (30 days later).
 */
export function serviceText(s: Service, title?: string): string {
  const when = s.publishedOn ? `${s.publishedOn} 公告,${s.servedOn} 视为送达` : `${s.servedOn} 送达`;
  const what = title ? `《${title}》` : '文书';
  const doc = s.documentNumber || title ? `,送达${what}${s.documentNumber ? ` ${s.documentNumber}` : ''}` : '';
  return `${s.method},${when}${s.recipient ? `,受送达人 ${s.recipient}` : ''}${doc}`;
}

/** 分期:第 1 期 2026-11-02 400 元;第 2 期 2026-11-20 400 元. */
export function installmentsText(installments: readonly { dueOn: string; amountYuan: number }[]): string {
  const kind = installments.length > 1 ? '分期' : '延期';
  return `${kind}:${installments.map((i, n) => `第 ${n + 1} 期 ${i.dueOn} ${yuan(i.amountYuan)}`).join(';')}`;
}
