import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { authorize, readScope, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { listPublicUnits, loadUnitNames } from '../org/index.js';
import { prefillScores, runChecks } from './evaluation-checks.js';
import { DRAW_METHOD, drawSample, newSeed, populationHash, sampleSize } from './evaluation-draw.js';
import { loadEvaluationFacts } from './evaluation-facts.js';
import * as erepo from './evaluation-repository.js';
import { CHECK_CODES, CHECK_LABELS, checkedSheet, DEFAULT_SHEET, parseSheet, type SheetInput, type SheetItem } from './evaluation-sheet.js';
import type { CaseFileEvaluationsTable } from './evaluation-tables.js';
import { type RoundSummary, type RoundView, type SheetView, toEvaluationSummary, toItemViews, toRoundSummary } from './evaluation-views.js';
import { can } from './policy.js';
import * as repo from './repository.js';

// 评查标准 (versions) and 评查活动 (rounds): creating a round draws its sample and prefills each file's
// evaluation with the automatic findings, all in one transaction with one event naming seed and sample.

/** Readers of 评查: the evaluators and those who read the results. */
export function requireEvaluationReader(actor: Actor): UserActor {
  const user = requireUser(actor);
  authorize(can(actor, 'archive.evaluation_read') || can(actor, 'archive.evaluate'), '无权查看案卷评查');
  return user;
}

/** The sheet in force: the latest saved version, else the built-in default (version 0). */
export async function currentSheet(db: Kysely<Database>): Promise<{ version: number; items: SheetItem[] }> {
  const row = await erepo.latestSheet(db);
  return row ? { version: Number(row.version), items: parseSheet(row.items) } : { version: 0, items: [...DEFAULT_SHEET] };
}

export async function getEvaluationSheet(db: Kysely<Database>, actor: Actor): Promise<SheetView> {
  requireEvaluationReader(actor);
  const [row, versions] = await Promise.all([erepo.latestSheet(db), erepo.listSheetVersions(db)]);
  const items = row ? parseSheet(row.items) : [...DEFAULT_SHEET];
  return {
    version: row ? Number(row.version) : 0,
    items: toItemViews(items),
    total: items.reduce((sum, i) => sum + i.points, 0),
    note: row?.note ?? '系统默认评查标准',
    createdByName: row?.created_by_name ?? null,
    createdAt: row?.created_at ?? null,
    versions: versions.map((v) => ({
      version: Number(v.version),
      note: v.note,
      createdByName: v.created_by_name,
      createdAt: v.created_at,
    })),
    checks: CHECK_CODES.map((code) => ({ code, label: CHECK_LABELS[code] })),
  };
}

/** Saves a new version of the sheet (never edits one: rounds started on an older version keep it). */
export async function saveEvaluationSheet(
  db: Kysely<Database>,
  actor: Actor,
  input: { items: SheetInput[]; note: string },
): Promise<SheetView> {
  const user = requireUser(actor);
  authorize(can(actor, 'archive.evaluation_sheet'), '只有法制审核人员(政策法规科)可以修订评查标准');
  const items = checkedSheet(input.items);
  const note = input.note.trim();
  if (note === '') throw invalid('sheet_note_required', '请填写修订说明');
  await inTransaction(db, async (trx) => {
    const version = Number((await erepo.latestSheet(trx))?.version ?? 0) + 1;
    const id = randomUUID();
    const saved = await erepo.insertSheet(trx, {
      id,
      version,
      items: JSON.stringify(items),
      note,
      created_by: user.userId,
      created_by_name: user.displayName,
      created_at: new Date().toISOString(),
    });
    if (!saved) throw conflict('sheet_changed', '评查标准刚被他人修订,请刷新后在新版本的基础上修改');
    await recordEvent(trx, actor, {
      type: erepo.SHEET_SAVED,
      subject: { type: 'evaluation_sheet', id },
      data: { version, note, items: items.map((i) => ({ ...i })) },
    });
  });
  return getEvaluationSheet(db, actor);
}

export interface CreateRoundInput {
  title: string;
  year: number;
  sampleKind: 'count' | 'ratio';
  sampleValue: number;
  unitId?: string | null;
}

export async function createEvaluationRound(db: Kysely<Database>, actor: Actor, input: CreateRoundInput): Promise<RoundView> {
  const user = requireUser(actor);
  authorize(can(actor, 'archive.evaluate'), '只有法制审核人员(政策法规科)可以组织案卷评查');
  const title = input.title.trim();
  if (title === '') throw invalid('round_title_required', '请填写评查活动名称');
  if (input.sampleKind === 'ratio' && (input.sampleValue < 1 || input.sampleValue > 100))
    throw invalid('sample_ratio_invalid', '抽取比例应为 1% 至 100%');
  const unit = input.unitId ? (await listPublicUnits(db)).find((u) => u.id === input.unitId) : null;
  if (unit === undefined) throw invalid('unit_not_found', '所选单位不存在');
  const population = await erepo.archivedFilesOfYear(db, input.year, unit?.path ?? null);
  if (population.length === 0)
    throw conflict('no_files_to_sample', `${input.year} 年度${unit ? `${unit.name}` : ''}没有可供评查的已归档案卷`);
  const n = sampleSize(input.sampleKind, input.sampleValue, population.length);
  if (n > population.length) throw conflict('sample_exceeds_population', `要求抽取 ${n} 件,但只有 ${population.length} 件已归档案卷`);
  const seed = newSeed();
  const sample = drawSample(seed, population, n);
  const sheet = await currentSheet(db);
  const id = randomUUID();
  const now = new Date().toISOString();
  const evaluations: Insertable<CaseFileEvaluationsTable>[] = [];
  for (const [index, file] of sample.entries()) {
    const loaded = await loadEvaluationFacts(db, file, await repo.listItems(db, file.id));
    const findings = loaded ? runChecks(sheet.items, loaded.facts) : [];
    evaluations.push({
      id: randomUUID(),
      round_id: id,
      position: index + 1,
      case_file_id: file.id,
      case_id: file.case_id,
      unit_id: file.unit_id,
      unit_path: file.unit_path,
      case_no: file.case_no,
      archive_no: file.archive_no,
      title: file.title,
      officers: JSON.stringify((loaded?.view.officers ?? []).map((o) => ({ officerId: o.officerId, name: o.name }))),
      findings: JSON.stringify(findings),
      scores: JSON.stringify(prefillScores(sheet.items, findings)),
      comment: '',
      state: 'draft',
      reviewer_id: null,
      reviewer_name: null,
      updated_at: now,
      submitted_at: null,
    });
  }
  await inTransaction(db, async (trx) => {
    await erepo.insertRound(
      trx,
      {
        id,
        title,
        year: input.year,
        sample_kind: input.sampleKind,
        sample_value: input.sampleValue,
        unit_id: unit?.id ?? null,
        unit_path: unit?.path ?? null,
        sheet_version: sheet.version,
        sheet: JSON.stringify(sheet.items),
        seed,
        population: population.length,
        state: 'open',
        created_by: user.userId,
        created_by_name: user.displayName,
        created_at: now,
        closed_by: null,
        closed_at: null,
      },
      evaluations,
    );
    await recordEvent(trx, actor, {
      type: erepo.ROUND_CREATED,
      subject: { type: 'evaluation_round', id },
      data: {
        title,
        year: input.year,
        unitId: unit?.id ?? null,
        sample: { kind: input.sampleKind, value: input.sampleValue, size: n },
        sheetVersion: sheet.version,
        seed,
        method: DRAW_METHOD,
        population: population.length,
        populationSha256: populationHash(population.map((f) => f.id)),
        sampled: sample.map((f) => ({ caseFileId: f.id, archiveNo: f.archive_no })),
      },
    });
  });
  return getEvaluationRound(db, actor, id);
}

async function readableRound(db: Kysely<Database>, actor: Actor, id: string) {
  requireEvaluationReader(actor);
  const row = await erepo.findRound(db, id);
  if (!row) throw notFound('evaluation_round_not_found', '没有找到该评查活动');
  return row;
}

/** Readers with a unit scope (a unit head) see the files of their unit subtree only. */
export const scopePath = (actor: Actor): string | null => {
  const scope = readScope(actor);
  return scope.kind === 'subtree' ? scope.path : null;
};

export async function listEvaluationRounds(db: Kysely<Database>, actor: Actor): Promise<RoundSummary[]> {
  requireEvaluationReader(actor);
  const [rows, names] = await Promise.all([erepo.listRounds(db), loadUnitNames(db)]);
  const progress = await erepo.roundProgress(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRoundSummary(r, progress.get(r.id) ?? { total: 0, submitted: 0 }, r.unit_id ? names.nameOf(r.unit_id) : null));
}

export async function getEvaluationRound(db: Kysely<Database>, actor: Actor, id: string): Promise<RoundView> {
  const row = await readableRound(db, actor, id);
  const [all, names] = await Promise.all([erepo.listEvaluations(db, id, scopePath(actor)), loadUnitNames(db)]);
  const sheet = parseSheet(row.sheet);
  const progress = await erepo.roundProgress(db, [id]);
  return {
    ...toRoundSummary(row, progress.get(id) ?? { total: 0, submitted: 0 }, row.unit_id ? names.nameOf(row.unit_id) : null),
    sheet: toItemViews(sheet),
    evaluations: all.map((e) => toEvaluationSummary(e, sheet, names.nameOf(e.unit_id))),
  };
}

/** Ends a round once every sampled file is submitted; its results no longer change. */
export async function closeEvaluationRound(db: Kysely<Database>, actor: Actor, id: string): Promise<RoundView> {
  const user = requireUser(actor);
  authorize(can(actor, 'archive.evaluate'), '只有法制审核人员(政策法规科)可以结束评查活动');
  const row = await readableRound(db, actor, id);
  if (row.state !== 'open') throw conflict('evaluation_round_closed', '该评查活动已结束');
  await inTransaction(db, async (trx) => {
    const drafts = await erepo.countDrafts(trx, id);
    if (drafts > 0) throw conflict('evaluations_pending', `还有 ${drafts} 件案卷未提交评查结果,不能结束评查活动`);
    if (!(await erepo.closeRound(trx, id, user.userId, new Date().toISOString())))
      throw conflict('evaluation_round_closed', '该评查活动已结束');
    await recordEvent(trx, actor, { type: erepo.ROUND_CLOSED, subject: { type: 'evaluation_round', id }, data: { title: row.title } });
  });
  return getEvaluationRound(db, actor, id);
}
