import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getPublicPlan, listPublicTargets, type PublicPlan, type PublicTask } from '../modules/inspections/index.js';
import { shanghaiToday } from '../platform/calendar/index.js';
import { AppError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import {
  algorithmText,
  codeKeeperText,
  filterRows,
  paging,
  samplingText,
  sourcesFormText,
  sourceViews,
  stratumLabel,
  stratumShort,
  TEAM_EXPLANATION,
} from './inspection-views.js';
import { agencyNameOf, type Crumb, disclosureCrumbs, pageQr, pathParam, queryPage, queryText, render, shanghaiTime } from './page-kit.js';

// One plan of 双随机、一公开 and its draw (/draws/:id): the announcement, fixed and in the ledger before the
// randomness existed; after the draw the sources' numbers, the revealed code, the result with the teams,
// the verification bundle and the in-browser re-run (static/verify-draw.js). Drafts are not public.

/** Targets per page of the published result; larger draws are searched and paged. */
const TARGETS_PAGE_SIZE = 50;
const Q_MAX = 50;

const isAppError = (error: unknown, kind: string): boolean => error instanceof AppError && error.kind === kind;

/** The announced (or drawn, or cancelled) plan; null for drafts and unknown ids. */
async function findPlan(ctx: AppContext, id: string): Promise<PublicPlan | null> {
  if (id === '' || id.length > 64) return null;
  try {
    return await getPublicPlan(ctx.db.kysely, id);
  } catch (error) {
    if (isAppError(error, 'not_found')) return null;
    throw error;
  }
}

const entryUrl = (index: number | null): string | null => (index === null ? null : `/api/ledger/entries/${index}`);

function announcementView(plan: PublicPlan) {
  const a = plan.announcement;
  return {
    items: plan.items,
    filter: filterRows(plan.filter),
    sampling: samplingText(plan.sampling),
    quotas: (a?.quotas ?? []).map((q) => ({ label: stratumLabel(q.stratum), size: q.size, count: q.count })),
    quotaTotal: (a?.quotas ?? []).reduce((n, q) => n + q.count, 0),
    teamSize: plan.teamSize,
    maxTasksText: plan.maxTasksPerInspector === null ? '不限' : `${plan.maxTasksPerInspector} 个`,
    field: plan.field,
    algorithm: algorithmText(plan.algorithm),
    teamExplanation: TEAM_EXPLANATION,
    sources: sourceViews(plan.sources),
    drawOn: plan.drawOn,
    inspectPeriod: plan.inspectFrom === plan.inspectTo ? plan.inspectFrom : `${plan.inspectFrom} 至 ${plan.inspectTo}`,
    commitment: plan.commitment ?? '',
    codeKeeper: codeKeeperText(plan.externalCode),
    snapshots: [
      { label: '检查对象名录', count: plan.populationCount, unit: '个', sha256: plan.populationSha256 ?? '' },
      { label: '执法检查人员名录', count: a?.inspectorCount ?? null, unit: '名', sha256: a?.inspectorsSha256 ?? '' },
      { label: '利害关系申报', count: a?.conflictCount ?? null, unit: '项', sha256: a?.conflictsSha256 ?? '' },
    ],
    announcedAtText: plan.announcedAt ? shanghaiTime(plan.announcedAt) : '',
    ledgerIndex: plan.announceLedgerIndex,
    entryUrl: entryUrl(plan.announceLedgerIndex),
  };
}

/** A row of the published result: the target, its stratum and position, its team and its 回避. */
function targetRow(task: PublicTask) {
  return {
    ordinal: task.ordinal,
    entityName: task.entityName,
    uscc: task.uscc,
    stratum: stratumShort(task.stratum),
    position: task.position.length > 16 ? `${task.position.slice(0, 16)}…` : task.position,
    positionFull: task.position,
    team: task.team,
    teamCertificates: task.team.map((m) => m.certificateNo).join('、'),
    unfilled: task.unfilled,
    recusals: task.recusals.map(
      (r) => `${r.inspector.certificateNo} 回避,${r.substitute === null ? '无人替补' : `由 ${r.substitute.certificateNo} 替补`}`,
    ),
  };
}

async function drawView(ctx: AppContext, plan: PublicPlan, ownPath: string, query: unknown) {
  const q = queryText(query, 'q', Q_MAX);
  const page = queryPage(query);
  const targets = await listPublicTargets(ctx.db.kysely, plan.id, { q, page, pageSize: TARGETS_PAGE_SIZE });
  return {
    drawnAtText: plan.drawnAt ? shanghaiTime(plan.drawnAt) : '',
    ledgerIndex: plan.drawLedgerIndex,
    entryUrl: entryUrl(plan.drawLedgerIndex),
    code: plan.code ?? '',
    targetCount: plan.targetCount ?? targets.total,
    recusalCount: plan.recusalCount,
    unfilledCount: plan.unfilledCount ?? 0,
    sourcesText: sourcesFormText(plan.sources),
    sourceCount: plan.sources.length,
    bundleUrl: `/api/public/draws/${encodeURIComponent(plan.id)}`,
    downloadName: `draw-${plan.id}.json`,
    targets: {
      q,
      searchable: q !== '' || (plan.targetCount ?? 0) > TARGETS_PAGE_SIZE,
      total: targets.total,
      rows: targets.items.map(targetRow),
      ...paging(ownPath, { q }, page, targets.total, TARGETS_PAGE_SIZE, '#draw-targets'),
    },
  };
}

/** Before the draw: when it will be, or that its day has come and the numbers are awaited. */
function pendingView(plan: PublicPlan) {
  const today = shanghaiToday();
  return { drawOn: plan.drawOn, due: today >= plan.drawOn, sourceNames: plan.sources.map((s) => s.name).join('、') };
}

async function renderDraw(request: FastifyRequest, reply: FastifyReply, ctx: AppContext, plan: PublicPlan, options: DrawPageOptions) {
  const ownPath = `/draws/${encodeURIComponent(plan.id)}`;
  const [agencyName, qr] = await Promise.all([agencyNameOf(ctx), pageQr(request, ownPath)]);
  const drawn = plan.state === 'drawn' ? await drawView(ctx, plan, ownPath, request.query) : null;
  return render(reply, 'inspections/draw', {
    title: plan.title,
    agencyName,
    crumbs: disclosureCrumbs(options.section, { href: '/inspections/plans', label: '抽查计划' }),
    stylesheet: options.stylesheet,
    plan: { id: plan.id, title: plan.title, year: plan.year, unitName: plan.unitName, state: plan.state, stateLabel: plan.stateLabel },
    description: plan.description,
    announcement: announcementView(plan),
    pending: plan.state === 'announced' ? pendingView(plan) : null,
    cancelled: plan.state === 'cancelled' ? { reason: plan.cancelReason ?? '' } : null,
    drawn,
    ownPath,
    planJsonUrl: `/api/public/draws/${encodeURIComponent(plan.id)}/plan`,
    pageQr: qr,
  });
}

export interface DrawPageOptions {
  section: Crumb;
  stylesheet: string;
}

export async function drawPage(app: FastifyInstance, ctx: AppContext, options: DrawPageOptions): Promise<void> {
  app.get('/draws/:id', { schema: { hide: true } }, async (request, reply) => {
    const plan = await findPlan(ctx, pathParam(request.params, 'id'));
    if (!plan) return reply.callNotFound();
    return renderDraw(request, reply, ctx, plan, options);
  });
}
