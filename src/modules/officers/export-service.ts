import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, readScope, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import type { ExcelFile } from '../../platform/excel/index.js';
import { loadUnitNames } from '../org/index.js';
import { type OfficerSheetRow, officersWorkbook } from './excel-workbook.js';
import { parseCategories } from './officer-views.js';
import { listOfficerRows, type OfficerRow } from './officers-repository.js';
import { can } from './policy.js';
import { STATUS_LABELS, shanghaiToday } from './validity.js';

/** The empty import template (data sheet with header and drop-down lists, plus the 说明 sheet). */
export async function importTemplate(actor: Actor): Promise<ExcelFile> {
  requireUser(actor);
  authorize(can(actor, 'officer.edit'), '只有政策法规科(法制审核人员)或系统管理员可以导入执法人员');
  return { filename: '执法人员导入模板.xlsx', body: await officersWorkbook([], { withHelp: true }) };
}

const PAGE = 1000;

/** Every officer the actor may see (the list endpoint's unit scope), in the template's columns. */
export async function exportOfficers(db: Kysely<Database>, actor: Actor, today = shanghaiToday()): Promise<ExcelFile> {
  requireUser(actor);
  authorize(can(actor, 'officer.list'));
  const scope = readScope(actor);
  const units = await loadUnitNames(db);
  const rows: OfficerSheetRow[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await listOfficerRows(db, {
      unitPathPrefix: scope.kind === 'subtree' ? scope.path : undefined,
      offset,
      limit: PAGE,
    });
    rows.push(...page.rows.map((r) => sheetRow(r, units.nameOf(r.unit_id))));
    if (page.rows.length < PAGE) break;
  }
  return { filename: `执法人员-${today}.xlsx`, body: await officersWorkbook(rows, { withHelp: false }) };
}

function sheetRow(row: OfficerRow, unitName: string): OfficerSheetRow {
  return {
    name: row.name,
    unit: unitName || row.unit_name,
    position: row.position,
    categories: parseCategories(row.categories).join('、'),
    certificateNo: row.certificate_no,
    issuingAuthority: row.issuing_authority,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    status: STATUS_LABELS[row.status] ?? row.status,
    qualification: row.legal_qualification === 'none' ? '无' : row.legal_qualification,
    qualificationNo: row.legal_qualification_no ?? '',
  };
}
