import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import { findOfficersByIds } from './officers-repository.js';
import { certificateValidOn, PUBLIC_STATUS, type ValidityReason } from './validity.js';

export interface OfficerOnDate {
  id: string;
  name: string;
  unitId: string;
  certificateNo: string;
  valid: boolean;
  reason: ValidityReason;
  /** 有效 / 已过期 / 暂扣 / 注销 / 未生效. */
  statusLabel: string;
}

/** Whether each given officer's certificate is valid on `date` (unknown ids are left out). */
export async function officersOnDate(db: Kysely<Database> | Trx, ids: readonly string[], date: string): Promise<OfficerOnDate[]> {
  if (ids.length === 0) return [];
  const rows = await findOfficersByIds(db, [...new Set(ids)]);
  return rows.map((o) => {
    const check = certificateValidOn({ status: o.status, validFrom: o.valid_from, validTo: o.valid_to }, date);
    return {
      id: o.id,
      name: o.name,
      unitId: o.unit_id,
      certificateNo: o.certificate_no,
      valid: check.valid,
      reason: check.reason,
      statusLabel: PUBLIC_STATUS[check.reason],
    };
  });
}
