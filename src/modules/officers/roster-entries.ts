import type { JsonValue } from '../../platform/events/canonical-json.js';
import { parseCategories } from './officer-views.js';
import type { OfficerRow } from './officers-repository.js';
import type { EntryRow } from './roster-repository.js';

/** One person's line in the published roster, as frozen when a batch is submitted. */
export interface PublicEntry {
  officerId: string;
  name: string;
  unitId: string;
  unitName: string;
  position: string;
  categories: string[];
  certificateNo: string;
  validFrom: string;
  validTo: string;
  status: string;
}

export function entryOfOfficer(row: OfficerRow): PublicEntry {
  return entryOfRow({ ...row, officer_id: row.id });
}

export function entryOfRow(row: Omit<EntryRow, 'version'>): PublicEntry {
  return {
    officerId: row.officer_id,
    name: row.name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    position: row.position,
    categories: parseCategories(row.categories),
    certificateNo: row.certificate_no,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    status: row.status,
  };
}

export function rowOfEntry(version: number, e: PublicEntry): EntryRow {
  return {
    version,
    officer_id: e.officerId,
    name: e.name,
    unit_id: e.unitId,
    unit_name: e.unitName,
    position: e.position,
    categories: JSON.stringify(e.categories),
    certificate_no: e.certificateNo,
    valid_from: e.validFrom,
    valid_to: e.validTo,
    status: e.status,
  };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The frozen JSON of a batch item (written by this module only). */
export function parseEntry(json: string): PublicEntry {
  const v: unknown = JSON.parse(json);
  const o: Record<string, unknown> = typeof v === 'object' && v !== null ? { ...v } : {};
  return {
    officerId: text(o.officerId),
    name: text(o.name),
    unitId: text(o.unitId),
    unitName: text(o.unitName),
    position: text(o.position),
    categories: Array.isArray(o.categories) ? o.categories.filter((c): c is string => typeof c === 'string') : [],
    certificateNo: text(o.certificateNo),
    validFrom: text(o.validFrom),
    validTo: text(o.validTo),
    status: text(o.status),
  };
}

export const entryJson = (e: PublicEntry): { [key: string]: JsonValue } => ({ ...e, categories: [...e.categories] });
