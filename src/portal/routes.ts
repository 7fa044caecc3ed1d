import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { Eta } from 'eta';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listPublicUnits, type UnitView } from '../modules/org/index.js';
import type { AppContext } from '../platform/http/context.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const eta = new Eta({ views: path.join(here, 'templates'), cache: true, autoEscape: true });

export const UNIT_KIND_LABELS: Readonly<Record<string, string>> = { agency: '机关', section: '机关科室', affiliated: '局属单位' };

interface Layout {
  title: string;
  agencyName: string;
}

function page(reply: FastifyReply, template: string, data: Layout & Record<string, unknown>, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(eta.render(template, data));
}

/** The public portal (公示平台): server-rendered HTML that works without JavaScript. */
export async function portalRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(fastifyStatic, { root: path.join(here, 'static'), prefix: '/static/', decorateReply: false, maxAge: '1h' });

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
    return page(reply, 'home', { title: agencyName, agencyName, groups, unitCount: Math.max(0, units.length - 1) });
  });
}

function withSubunits(unit: UnitView, all: readonly UnitView[]) {
  return { name: unit.name, subunits: all.filter((u) => u.path.startsWith(unit.path) && u.id !== unit.id).map((u) => u.name) };
}

/** The portal's 404 page, used by the app's not-found handler for page requests. */
export async function renderPortalNotFound(_request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  return page(reply, 'not-found', { title: '页面不存在', agencyName: '' }, 404);
}
