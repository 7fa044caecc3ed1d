import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import { avRuleKind, reviewRuleKind } from './kind-registry.js';
import type { KindDef } from './kinds.js';
import * as repo from './repository.js';
import { parseData } from './views.js';
import type { AvRuleData, ReviewRuleData } from './vocabulary.js';

type Reader = Kysely<Database> | Trx;

export interface CurrentEntry<D> {
  code: string;
  versionId: string;
  versionNo: number;
  data: D;
}

/** The version of an entry in force now (its published one), for a case to point at; undefined when none. */
export async function currentEntry<D>(db: Reader, def: KindDef<D>, code: string): Promise<CurrentEntry<D> | undefined> {
  const item = await repo.findItemByCode(db, code);
  if (!item || item.kind !== def.kind) return undefined;
  const current = (await repo.listVersions(db, item.id)).find((v) => v.status === 'published');
  return current && { code: item.code, versionId: current.id, versionNo: current.version_no, data: parseData<D>(current.data) };
}

/** An exact version by id (a case keeps pointing at the version in force when it was decided). */
export async function entryVersion<D>(db: Reader, def: KindDef<D>, versionId: string): Promise<CurrentEntry<D> | undefined> {
  const row = await repo.findVersionById(db, versionId);
  if (!row) return undefined;
  const item = await repo.findItemById(db, row.item_id);
  if (!item || item.kind !== def.kind) return undefined;
  return { code: item.code, versionId: row.id, versionNo: row.version_no, data: parseData<D>(row.data) };
}

/** The published AV-list rules of one item's step (usually one), so a case step knows whether it must be filmed. */
export async function avRulesFor(db: Reader, itemCode: string, step: string): Promise<CurrentEntry<AvRuleData>[]> {
  const { rows } = await repo.listVersionRows(db, { kind: avRuleKind.kind, which: 'published', refCode: itemCode, offset: 0, limit: 100 });
  return rows
    .map((r) => ({ code: r.code, versionId: r.id, versionNo: r.version_no, data: parseData<AvRuleData>(r.data) }))
    .filter((r) => r.data.step === step);
}

/** The 重大执法决定法制审核目录 in force: every published rule. */
export async function reviewRulesInForce(db: Reader): Promise<CurrentEntry<ReviewRuleData>[]> {
  const { rows } = await repo.listVersionRows(db, { kind: reviewRuleKind.kind, which: 'published', offset: 0, limit: 1000 });
  return rows.map((r) => ({ code: r.code, versionId: r.id, versionNo: r.version_no, data: parseData<ReviewRuleData>(r.data) }));
}
