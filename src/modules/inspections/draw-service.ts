import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { DrawInputError, type DrawInputs, type DrawResult, runDraw } from '../../platform/draw/draw.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { canonicalJson } from '../../platform/events/canonical-json.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { entitiesByUscc } from './entities-repository.js';
import type { TeamMember } from './model.js';
import { getPlan } from './plans-service.js';
import { canIn } from './policy.js';
import * as repo from './repository.js';
import { insertTasks } from './tasks-repository.js';
import { type PlanView, planData } from './views.js';

// The draw: once every announced source is published, an operator enters the values (and, when the
// operator committed to the code, the code). The result follows from the frozen snapshot alone; each
// selected entity becomes a task for its team, each 回避 its own ledger event. One draw per plan.

export interface DrawInput {
  /** One list of numbers per announced source, in announced order. */
  values: string[][];
  /** The one-time code (hex), required only when the plan's commitment came from the operator. */
  code?: string;
}

const digits = (v: string): string => {
  const t = v.trim();
  if (!/^\d{1,80}$/.test(t)) throw invalid('source_value_invalid', `「${v}」不是非负整数:请按公告的方式录入开奖号码`);
  return BigInt(t).toString();
};

export async function drawPlan(db: Kysely<Database>, actor: Actor, id: string, input: DrawInput): Promise<PlanView> {
  const user = requireUser(actor);
  const row = await repo.findPlan(db, id);
  if (!row || !canIn(actor, 'inspection.read', row.unit_path)) throw notFound('plan_not_found', '抽查计划不存在');
  authorize(canIn(actor, 'inspection.draw', row.unit_path), '抽取须由承办机构负责人或政策法规科操作');
  if (row.state === 'drawn') throw conflict('plan_already_drawn', '该计划已抽取;重新抽取须另行公告新的计划');
  if (row.state !== 'announced') throw conflict('plan_not_announced', '计划公告后才能抽取');
  const data = planData(row);
  if (shanghaiToday() < data.drawOn) throw conflict('draw_too_early', `公告的抽取日期为 ${data.drawOn},随机源尚未产生`);
  if (input.values.length !== data.sources.length)
    throw invalid('source_values_mismatch', `公告了 ${data.sources.length} 个随机源,须逐一录入开奖号码`);
  const sources = data.sources.map((s, i) => {
    const values = (input.values[i] ?? []).map(digits);
    if (values.length === 0) throw invalid('source_values_required', `请录入「${s.name}」的开奖号码`);
    return { ...s, values };
  });
  const code = data.externalCode ? (input.code ?? '').trim().toLowerCase() : (row.secret ?? '');
  if (data.externalCode && !/^([0-9a-f]{2})+$/.test(code)) throw invalid('code_required', '请录入与公告承诺值对应的一次性码(十六进制)');

  await inTransaction(db, async (trx) => {
    const snapshot = await repo.findSnapshot(trx, id);
    if (!snapshot) throw conflict('snapshot_missing', '计划的公告快照缺失');
    const frozen = JSON.parse(snapshot.inputs) as Omit<DrawInputs, 'sources' | 'code' | 'commitment'>;
    const inputs: DrawInputs = {
      ...frozen,
      sources: sources.map((s) => ({ name: s.name, values: s.values })),
      code,
      commitment: row.commitment as string,
    };
    let result: DrawResult;
    try {
      result = runDraw(inputs);
    } catch (e) {
      if (e instanceof DrawInputError) throw invalid('draw_inputs_invalid', e.message);
      throw e;
    }
    const resultJson = canonicalJson(JSON.parse(JSON.stringify(result)));
    const event = await recordEvent(trx, actor, {
      type: 'inspection.plan_drawn',
      subject: { type: 'inspection_plan', id },
      data: {
        sources: sources.map((s) => `${s.name}:${s.values.join(' ')}`),
        code,
        resultSha256: createHash('sha256').update(resultJson).digest('hex'),
        targets: result.targets.length,
        recusals: result.recusals.length,
        unfilled: result.targets.reduce((n, t) => n + t.unfilled, 0),
      },
    });
    const members = new Map((data.announcement?.inspectors ?? []).map((m) => [m.certificateNo, m]));
    const member = (label: string): TeamMember => members.get(label) ?? { officerId: '', name: '', certificateNo: label };
    for (const r of result.recusals) {
      await recordEvent(trx, actor, {
        type: 'inspection.recusal',
        subject: { type: 'officer', id: member(r.inspector).officerId },
        data: {
          planId: id,
          uscc: r.target,
          inspector: r.inspector,
          substitute: r.substitute,
          substituteOfficerId: r.substitute === null ? null : member(r.substitute).officerId,
          ground: '申报的利害关系',
        },
      });
    }
    if (
      !(await repo.updatePlanIn(trx, id, 'announced', {
        state: 'drawn',
        data: JSON.stringify({
          ...data,
          sources,
          drawSummary: { recusals: result.recusals.length, unfilled: result.targets.reduce((n, t) => n + t.unfilled, 0) },
        }),
        secret: code,
        drawn_at: event.occurredAt,
        drawn_by: user.userId,
        draw_ledger_index: event.ledgerIndex,
        target_count: result.targets.length,
        updated_at: event.occurredAt,
      }))
    )
      throw conflict('plan_already_drawn', '该计划已抽取;重新抽取须另行公告新的计划');
    await repo.setSnapshotResult(trx, id, JSON.stringify(inputs), resultJson);
    const names = await entitiesByUscc(
      trx,
      result.targets.map((t) => t.label),
    );
    await insertTasks(
      trx,
      result.targets.map((t, i) => ({
        id: randomUUID(),
        plan_id: id,
        ordinal: i + 1,
        entity_uscc: t.label,
        entity_name: names.get(t.label)?.name ?? '',
        stratum: t.stratum,
        position: t.position,
        unfilled: t.unfilled,
        recusals: JSON.stringify(
          result.recusals
            .filter((r) => r.target === t.label)
            .map((r) => ({ inspector: member(r.inspector), substitute: r.substitute === null ? null : member(r.substitute) })),
        ),
        unit_id: row.unit_id,
        unit_path: row.unit_path,
        team: JSON.stringify(t.team.map(member)),
        state: 'assigned',
        inspected_from: null,
        inspected_to: null,
        result: null,
        findings: null,
        publish_due: null,
        published_at: null,
        inspection_case_id: null,
        case_id: null,
        created_at: event.occurredAt,
        updated_at: event.occurredAt,
      })),
    );
  });
  return getPlan(db, actor, id);
}
