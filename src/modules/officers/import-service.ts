import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors.js';
import { ImportInvalidError, type ImportResult } from '../../platform/excel/index.js';
import { loadUnitNames } from '../org/index.js';
import { readOfficerSheet } from './import-read.js';
import { type ImportRow, validateRows } from './import-validate.js';
import { applyOfficerUpdate, insertOfficer } from './officers-service.js';
import { can } from './policy.js';

export type { ImportResult };

/**
 * Imports officers from an .xlsx body: every row is checked first, and only a file without a single
 * problem is written — one transaction, upserting by 执法证件号码 through the same service functions
 * as the API, so each creation or change records its own event.
 */
export async function importOfficers(db: Kysely<Database>, actor: Actor, body: Buffer): Promise<ImportResult> {
  requireUser(actor);
  authorize(can(actor, 'officer.edit'), '只有政策法规科(法制审核人员)或系统管理员可以导入执法人员');
  const sheet = await readOfficerSheet(body);
  if (sheet.errors.length > 0) throw new ImportInvalidError(sheet.errors);
  const { valid, errors } = validateRows(sheet.rows, await loadUnitNames(db));
  if (errors.length > 0) throw new ImportInvalidError(errors);
  return inTransaction(db, (trx) => writeRows(trx, actor, valid));
}

async function writeRows(trx: Trx, actor: Actor, rows: readonly ImportRow[]): Promise<ImportResult> {
  const existing = await officerIdsByCertificate(
    trx,
    rows.map((r) => r.input.certificateNo),
  );
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
  for (const { row, input } of rows) {
    try {
      const id = existing.get(input.certificateNo);
      if (id === undefined) {
        await insertOfficer(trx, actor, input);
        result.created += 1;
      } else if (await applyOfficerUpdate(trx, actor, id, input)) result.updated += 1;
      else result.unchanged += 1;
    } catch (error) {
      // The checks above mirror the service's; should it still refuse a row, name the row and write nothing.
      if (error instanceof AppError) throw new ImportInvalidError([{ sheet: null, row, column: null, reason: error.message }]);
      throw error;
    }
  }
  return result;
}

async function officerIdsByCertificate(trx: Trx, certificateNos: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let start = 0; start < certificateNos.length; start += 500) {
    const chunk = certificateNos.slice(start, start + 500);
    const rows = await trx.selectFrom('officers').select(['id', 'certificate_no']).where('certificate_no', 'in', chunk).execute();
    for (const r of rows) ids.set(r.certificate_no, r.id);
  }
  return ids;
}
