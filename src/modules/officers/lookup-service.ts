import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import { findOfficerOfUser, findOfficersByIds, findOfficersUnder, findQualifiedOfficerOfUser } from './officers-repository.js';
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

/**
 * The 法律职业资格 of the officer record linked to a user account, or null when the user has no
 * officer record or no qualification (a 法制审核人员 without it may not take a first review).
 */
export async function legalQualificationOfUser(
  db: Kysely<Database> | Trx,
  userId: string,
): Promise<{ officerId: string; name: string; level: string; certificateNo: string | null } | null> {
  const row = await findQualifiedOfficerOfUser(db, userId);
  return row ? { officerId: row.id, name: row.name, level: row.legal_qualification, certificateNo: row.legal_qualification_no } : null;
}

export interface FieldOfficer {
  id: string;
  userId: string | null;
  name: string;
  unitId: string;
  unitName: string;
  certificateNo: string;
  categories: string[];
  valid: boolean;
  statusLabel: string;
}

/**
 * The officers of units under `unitPath` whose 执法类别 include `field`, with their certificate's validity on
 * `date`, by certificate number: the 执法检查人员名录库 of 双随机 is the valid ones among them.
 */
export async function officersOfField(db: Kysely<Database> | Trx, unitPath: string, field: string, date: string): Promise<FieldOfficer[]> {
  const rows = await findOfficersUnder(db, unitPath);
  return rows.flatMap((o) => {
    const categories = JSON.parse(o.categories) as string[];
    if (!categories.includes(field)) return [];
    const check = certificateValidOn({ status: o.status, validFrom: o.valid_from, validTo: o.valid_to }, date);
    return [
      {
        id: o.id,
        userId: o.user_id,
        name: o.name,
        unitId: o.unit_id,
        unitName: o.unit_name,
        certificateNo: o.certificate_no,
        categories,
        valid: check.valid,
        statusLabel: PUBLIC_STATUS[check.reason],
      },
    ];
  });
}

/** The officer record linked to a user account (an officer declares their own conflicts of interest). */
export async function officerOfUser(
  db: Kysely<Database> | Trx,
  userId: string,
): Promise<{ id: string; name: string; certificateNo: string } | null> {
  const row = await findOfficerOfUser(db, userId);
  return row ? { id: row.id, name: row.name, certificateNo: row.certificate_no } : null;
}
