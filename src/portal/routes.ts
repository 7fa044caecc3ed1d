import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { listPublicUnits, type UnitView } from '../modules/org/index.js';
import { verifierKeyText } from '../platform/crypto/signers.js';
import type { AppContext } from '../platform/http/context.js';
import { latestCheckpoint, listCheckpoints } from '../platform/ledger/repository.js';
import { PROJECT_ROOT } from '../platform/paths.js';
import { avListPages } from './av-list-pages.js';
import { benchmarkPages } from './benchmark-pages.js';
import { catalogPages } from './catalog-pages.js';
import { decisionPages } from './decision-pages.js';
import { disclosurePages } from './disclosure-pages.js';
import { inspectionPages } from './inspection-pages.js';
import { officersPages } from './officers-pages.js';
import { agencyNameOf, disclosureCrumbs, eta, shanghaiTime } from './page-kit.js';
import { previewPages } from './preview-pages.js';
import { reviewPages } from './review-pages.js';
import { statisticsPages } from './statistics-pages.js';
import { violationNoticePages } from './violation-notice-pages.js';
import { windowPages } from './window-pages.js';

const here = path.join(PROJECT_ROOT, 'src/portal');

export const UNIT_KIND_LABELS: Readonly<Record<string, string>> = { agency: '机关', section: '机关科室', affiliated: '局属单位' };

interface Layout {
  title: string;
  agencyName: string;
}

function render(reply: FastifyReply, template: string, data: Layout & Record<string, unknown>, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(eta.render(template, data));
}

/** The public portal (公示平台): server-rendered HTML that works without JavaScript. */
export async function portalRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  await app.register(fastifyStatic, { root: path.join(here, 'static'), prefix: '/static/', decorateReply: false, maxAge: '1h' });
  await officersPages(app, ctx);
  await catalogPages(app, ctx);
  await disclosurePages(app, ctx);
  await benchmarkPages(app, ctx);
  await avListPages(app, ctx);
  await reviewPages(app, ctx);
  await decisionPages(app, ctx);
  await violationNoticePages(app, ctx);
  await inspectionPages(app, ctx);
  await windowPages(app, ctx);
  await statisticsPages(app, ctx);
  await previewPages(app, ctx);

  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    const units = await listPublicUnits(ctx.db.kysely);
    const root = units.find((u) => u.parentId === null);
    const agencyName = root?.name ?? '行政执法机关';
    const children = units.filter((u) => root !== undefined && u.parentId === root.id);
    const groups = (['section', 'affiliated'] as const)
      .map((kind) => ({
        label: UNIT_KIND_LABELS[kind] ?? kind,
        units: children.filter((u) => u.kind === kind).map((u) => withSubunits(u, units)),
      }))
      .filter((g) => g.units.length > 0);
    const other = children.filter((u) => u.kind !== 'section' && u.kind !== 'affiliated').map((u) => withSubunits(u, units));
    if (other.length > 0) groups.push({ label: '其他机构', units: other });
    return render(reply, 'home', { title: agencyName, agencyName, groups, unitCount: Math.max(0, units.length - 1) });
  });

  app.get(
    '/integrity',
    { schema: { hide: true, querystring: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) }) } },
    async (request, reply) => {
      const db = ctx.db.kysely;
      const pageSize = 20;
      const page = request.query.page ?? 1;
      const [agencyName, latest, history] = await Promise.all([
        agencyNameOf(ctx),
        latestCheckpoint(db),
        listCheckpoints(db, (page - 1) * pageSize, pageSize),
      ]);
      const withTime = <T extends { createdAt: string }>(c: T) => ({ ...c, createdAtText: shanghaiTime(c.createdAt) });
      return render(reply, 'integrity', {
        title: '执法记录完整性',
        agencyName,
        crumbs: disclosureCrumbs(),
        origin: ctx.ledger.origin,
        intervalSeconds: ctx.config.ledger.checkpointIntervalSeconds,
        latest: latest ? withTime(latest) : null,
        keys: ctx.ledger.signers.map((s) => ({
          algorithmLabel: s.algorithm === 'sm2' ? 'SM2(国密)' : 'Ed25519',
          verifierKey: verifierKeyText(s),
        })),
        history: { ...history, items: history.items.map(withTime), page, pages: Math.max(1, Math.ceil(history.total / pageSize)) },
      });
    },
  );
}

function withSubunits(unit: UnitView, all: readonly UnitView[]) {
  return { name: unit.name, subunits: all.filter((u) => u.path.startsWith(unit.path) && u.id !== unit.id).map((u) => u.name) };
}

/** The portal's 404 page, used by the app's not-found handler for page requests. */
export async function renderPortalNotFound(_request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  return render(reply, 'not-found', { title: '页面不存在', agencyName: '' }, 404);
}
