import type { Trx } from '../../platform/db/transaction.js';
import { findPrefix, takeNextNumber } from './repository.js';
import { type DocumentType, documentType } from './types.js';

/** 石人社监罚〔2026〕12号. */
export function formatNumber(prefix: string, abbr: string, year: number, n: number): string {
  return `${prefix}${abbr}〔${year}〕${n}号`;
}

export interface AllocatedNumber {
  readonly number: string;
  readonly year: number;
  readonly seq: number;
}

/**
 * The next 文号 of a unit for a numbered type, in the caller's transaction (no gaps: a rollback
 * returns it). The year is that of the 成文日期, a Beijing civil date; the prefix is the unit's
 * configured one, else the unit's name.
 */
export async function allocateNumber(
  trx: Trx,
  unit: { readonly id: string; readonly name: string },
  type: DocumentType,
  documentDate: string,
): Promise<AllocatedNumber> {
  const abbr = documentType(type).abbr;
  if (abbr === null) throw new Error(`document type ${type} carries no number`);
  const year = Number(documentDate.slice(0, 4));
  const prefix = (await findPrefix(trx, unit.id)) ?? unit.name;
  const seq = await takeNextNumber(trx, { unitId: unit.id, type, year });
  return { number: formatNumber(prefix, abbr, year, seq), year, seq };
}
