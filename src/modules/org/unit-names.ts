import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { listPublicUnits, type UnitView } from './units-service.js';

/**
 * Units as the spreadsheet names them: the unit's own name when no other unit shares it, otherwise
 * the names from the root down joined by 「/」 (unit names are unique only among siblings).
 */
export interface UnitNames {
  /** The name the export writes for a unit id. */
  nameOf(unitId: string): string;
  /** The unit an imported cell names, or why it names none. */
  resolve(text: string): { unitId: string } | { reason: string };
}

export async function loadUnitNames(db: Kysely<Database>): Promise<UnitNames> {
  const units = await listPublicUnits(db);
  const byId = new Map(units.map((u) => [u.id, u]));
  const fullName = (unit: UnitView): string => {
    const parent = unit.parentId === null ? undefined : byId.get(unit.parentId);
    return parent ? `${fullName(parent)}/${unit.name}` : unit.name;
  };
  const byName = new Map<string, UnitView[]>();
  for (const unit of units) byName.set(unit.name, [...(byName.get(unit.name) ?? []), unit]);
  const byFullName = new Map(units.map((u) => [fullName(u), u]));
  return {
    nameOf(unitId) {
      const unit = byId.get(unitId);
      if (!unit) return '';
      return (byName.get(unit.name) ?? []).length > 1 ? fullName(unit) : unit.name;
    },
    resolve(text) {
      const named = byName.get(text) ?? [];
      const [only] = named;
      if (named.length === 1 && only) return { unitId: only.id };
      if (named.length > 1) return { reason: `有 ${named.length} 个名为「${text}」的机构,请写作「上级机构/本机构」` };
      const full = byFullName.get(text.replace(/\s*\/\s*/g, '/'));
      return full ? { unitId: full.id } : { reason: `系统中没有名为「${text}」的机构` };
    },
  };
}
