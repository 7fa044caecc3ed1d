import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, readScope, requireUser } from '../../platform/auth/policy.js';
import { plusDays, shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import { invalid, notFound } from '../../platform/errors.js';
import { listEvents } from '../../platform/events/list-events.js';
import { documentText } from '../documents/index.js';
import { displayNamesOf, listPublicUnits } from '../org/index.js';
import { draftContent } from './draft-content.js';
import { syncDrafts } from './drafts.js';
import { syncRevocations } from './lifecycle.js';
import { can, canOnPublication } from './policy.js';
import type { PublicationState } from './publication-data.js';
import * as repo from './repository.js';
import { type DraftView, type PublicationListItem, type PublicationView, toListItem, toVersionView } from './views.js';

// Reading publications: the staff queue and detail (unit scope), and the public portal's decisions.

/** The publication the actor may see, or "not found" (out of scope like a missing id). */
export async function visiblePublication(db: Kysely<Database> | Trx, actor: Actor, id: string): Promise<repo.PublicationRow> {
  const user = requireUser(actor);
  const row = await repo.findPublication(db, id);
  if (!row || !canOnPublication(user, 'publication.read', row.unit_path)) throw notFound('publication_not_found', '公开事项不存在');
  return row;
}

async function draftOf(db: Kysely<Database>, row: repo.PublicationRow): Promise<DraftView | null> {
  if (row.state === 'withdrawn') return null;
  const source = await documentText(db, row.document_id);
  if (!source) return null;
  const content = draftContent(source);
  return {
    text: content.text,
    textSha256: content.textSha256,
    summary: content.summary,
    findings: [...content.findings],
    documentSuperseded: source.document.supersededBy !== null,
  };
}

/** A publication with the draft to work from, every published version and its history. */
export async function getPublication(db: Kysely<Database>, actor: Actor, id: string): Promise<PublicationView> {
  const row = await visiblePublication(db, actor, id);
  const versions = await repo.listVersions(db, id);
  const names = await displayNamesOf(
    db,
    versions.map((v) => v.published_by),
  );
  const { items: events } = await listEvents(db, { subjectType: 'publication', subjectId: id, ascending: true, offset: 0, limit: 500 });
  return {
    ...toListItem(row),
    draft: await draftOf(db, row),
    versions: versions.map((v) => toVersionView(v, names)),
    history: events.map((e) => ({
      type: e.type,
      occurredAt: e.occurredAt,
      actorName: e.actorName,
      ledgerIndex: e.ledgerIndex,
      data: e.data,
    })),
  };
}

export interface ListPublicationsQuery {
  state?: PublicationState;
  /** Drafts due within this many days from today (overdue ones included). */
  dueWithinDays?: number;
  /** A unit and those below it, within the caller's scope. */
  unitId?: string;
  page: number;
  pageSize: number;
}

/** The staff queue in the caller's unit scope, nearest due first. New decisions become drafts first. */
export async function listPublications(
  db: Kysely<Database>,
  actor: Actor,
  query: ListPublicationsQuery,
): Promise<{ items: PublicationListItem[]; total: number; page: number; pageSize: number }> {
  const user = requireUser(actor);
  authorize(can(user, 'publication.read'), '无权查看事后公开事项');
  const scope = readScope(user);
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  if (scope.kind === 'none') return empty;
  let unitPathPrefix = scope.kind === 'subtree' ? scope.path : undefined;
  if (query.unitId) {
    const unit = (await listPublicUnits(db)).find((u) => u.id === query.unitId);
    if (!unit) throw invalid('unit_not_found', '没有这个机构');
    // A unit outside the caller's scope lists nothing, as its publications are not the caller's to see.
    if (unitPathPrefix !== undefined && !unit.path.startsWith(unitPathPrefix)) return empty;
    unitPathPrefix = unit.path;
  }
  await syncDrafts(db);
  await syncRevocations(db);
  const { rows, total } = await repo.listQueueRows(db, {
    unitPathPrefix,
    // A deadline matters only while the decision waits to be published.
    states: query.state ? [query.state] : query.dueWithinDays === undefined ? undefined : ['draft'],
    dueBy: query.dueWithinDays === undefined ? undefined : plusDays(shanghaiToday(), query.dueWithinDays),
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: rows.map(toListItem), total, page: query.page, pageSize: query.pageSize };
}
