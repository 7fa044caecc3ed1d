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

export function serviceText(s: Service): string {
  return `${s.method},${s.servedOn} 送达${s.recipient ? `,受送达人 ${s.recipient}` : ''}`;
}
