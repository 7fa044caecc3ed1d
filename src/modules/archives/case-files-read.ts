import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, readScope, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { type ClosedCase, listClosedCases } from '../cases/index.js';
import { can, canIn } from './policy.js';
import * as repo from './repository.js';
import { type CaseFileSummary, type CaseFileView, toCaseFileView, toSummary } from './views.js';

// Reading the archives: closed cases still waiting for 归档, the accepted files, one file in full.

export async function listPendingCases(
  db: Kysely<Database>,
  actor: Actor,
  query: { readonly q?: string; readonly limit?: number },
): Promise<ClosedCase[]> {
  requireUser(actor);
  authorize(can(actor, 'archive.read'), '无权查看档案');
  const scope = readScope(actor);
  if (scope.kind === 'none') return [];
  // Waiting files are few (a case waits days, not years): the newest closed cases are enough to look at.
  const closed = await listClosedCases(db, {
    unitPathPrefix: scope.kind === 'subtree' ? scope.path : undefined,
    q: query.q,
    limit: 1000,
  });
  const archived = await repo.archivedCaseIds(
    db,
    closed.map((c) => c.id),
  );
  return closed.filter((c) => !archived.has(c.id)).slice(0, query.limit ?? 200);
}

export async function readableFile(db: Kysely<Database>, actor: Actor, id: string) {
  requireUser(actor);
  const row = await repo.findCaseFile(db, id);
  if (!row || !canIn(actor, 'archive.read', row.unit_path)) {
    authorize(can(actor, 'archive.read'), '无权查看档案');
    throw notFound('case_file_not_found', '没有找到该案卷');
  }
  return row;
}

export async function getCaseFile(db: Kysely<Database>, actor: Actor, id: string): Promise<CaseFileView> {
  const row = await readableFile(db, actor, id);
  const [items, supplements, checks] = await Promise.all([
    repo.listItems(db, id),
    repo.listSupplements(db, id),
    repo.listChecks(db, row.case_id),
  ]);
  return toCaseFileView(row, items, supplements, checks);
}

export async function listCaseFiles(
  db: Kysely<Database>,
  actor: Actor,
  query: { q?: string; state?: string; retention?: string; year?: number; expiredBy?: string; page: number; pageSize: number },
): Promise<{ items: CaseFileSummary[]; total: number; page: number; pageSize: number }> {
  requireUser(actor);
  authorize(can(actor, 'archive.read'), '无权查看档案');
  const scope = readScope(actor);
  const { rows, total } = await repo.listCaseFileRows(db, {
    scope,
    ...query,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map(toSummary), total, page: query.page, pageSize: query.pageSize };
}
