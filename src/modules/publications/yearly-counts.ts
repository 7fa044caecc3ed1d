import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

// Per-unit counts of a year's 事后公开 for the annual statistics (行政执法统计年报). Read-only and
// unscoped: the report's own policy decides who sees it. Years are Beijing years of the act.

export interface UnitPublicationCounts {
  readonly unitId: string;
  /** Decisions first published in the year (corrections are not new publications). */
  readonly published: number;
  /** Publications withdrawn in the year. */
  readonly withdrawn: number;
}

export async function publicationCountsByUnit(db: Kysely<Database>, year: number): Promise<UnitPublicationCounts[]> {
  const from = `${year - 1}-12-31T16:00:00.000Z`;
  const to = `${year}-12-31T16:00:00.000Z`;
  const published = await db
    .selectFrom('publication_versions')
    .innerJoin('publications', 'publications.id', 'publication_versions.publication_id')
    .select(['publications.unit_id'])
    .where('publication_versions.version', '=', 1)
    .where('publication_versions.published_at', '>=', from)
    .where('publication_versions.published_at', '<', to)
    .execute();
  const withdrawn = await db
    .selectFrom('publications')
    .select(['unit_id'])
    .where('withdrawn_at', '>=', from)
    .where('withdrawn_at', '<', to)
    .execute();
  const units = new Map<string, { published: number; withdrawn: number }>();
  const unit = (id: string) => {
    const found = units.get(id) ?? { published: 0, withdrawn: 0 };
    units.set(id, found);
    return found;
  };
  for (const r of published) unit(r.unit_id).published += 1;
  for (const r of withdrawn) unit(r.unit_id).withdrawn += 1;
  return [...units.entries()].map(([unitId, c]) => ({ unitId, ...c }));
}
