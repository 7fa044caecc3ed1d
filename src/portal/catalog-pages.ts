import path from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Eta } from 'eta';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { Type } from 'typebox';
import {
  CATEGORIES,
  flowchartSvg,
  getPublicItem,
  itemKind,
  listPublicItems,
  listPublicUnits as listPublicKindUnits,
} from '../modules/catalog/index.js';
import { listPublicUnits } from '../modules/org/index.js';
import { AppError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import { PROJECT_ROOT } from '../platform/paths.js';

const eta = new Eta({ views: path.join(PROJECT_ROOT, 'src/portal/templates'), cache: true, autoEscape: true });
const PAGE_SIZE = 20;

const Search = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 64 })),
  category: Type.Optional(Type.String({ maxLength: 16 })),
  unit: Type.Optional(Type.String({ maxLength: 64 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
});

function render(reply: FastifyReply, template: string, data: Record<string, unknown>, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(eta.render(template, data));
}

async function agencyNameOf(ctx: AppContext): Promise<string> {
  return (await listPublicUnits(ctx.db.kysely)).find((u) => u.parentId === null)?.name ?? '行政执法机关';
}

const shanghaiDate = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });

const absoluteUrl = (request: FastifyRequest, pathname: string) => `${request.protocol}://${request.host}${pathname}`;

/** 执法事项清单 (/items) and each item's 服务指南 with its 执法流程图 (/items/:code): no JavaScript. */
export async function catalogPages(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  app.get('/items', { schema: { hide: true, querystring: Search } }, async (request, reply) => {
    const { page = 1 } = request.query;
    const search = {
      q: request.query.q?.trim() ?? '',
      category: CATEGORIES.some((c) => c === request.query.category) ? (request.query.category ?? '') : '',
      unit: request.query.unit?.trim() ?? '',
    };
    const [agencyName, units, result] = await Promise.all([
      agencyNameOf(ctx),
      listPublicKindUnits(db, itemKind),
      listPublicItems(db, { q: search.q, category: search.category, unitId: search.unit, page, pageSize: PAGE_SIZE }),
    ]);
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    const pageUrl = (n: number) => {
      const params = new URLSearchParams(Object.entries({ ...search, page: String(n) }).filter(([, v]) => v !== ''));
      return `/items?${params.toString()}`;
    };
    return render(reply, 'items', {
      title: '行政执法事项清单',
      agencyName,
      search,
      categories: CATEGORIES,
      units,
      result: { ...result, items: result.items.map((i) => ({ ...i, publishedAtText: shanghaiDate(i.publishedAt) })) },
      pages,
      prevUrl: page > 1 ? pageUrl(page - 1) : null,
      nextUrl: page < pages ? pageUrl(page + 1) : null,
      filtered: search.q !== '' || search.category !== '' || search.unit !== '',
    });
  });

  app.get(
    '/items/:code',
    {
      schema: {
        hide: true,
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) }),
      },
    },
    async (request, reply) => {
      const agencyName = await agencyNameOf(ctx);
      const code = request.params.code;
      let item: Awaited<ReturnType<typeof getPublicItem>>;
      try {
        item = await getPublicItem(db, code, request.query.version);
      } catch (error) {
        if (!(error instanceof AppError) || error.kind !== 'not_found') throw error;
        return render(reply, 'item-missing', { title: '执法事项不存在', agencyName, code, message: error.message }, 404);
      }
      const pathname = `/items/${encodeURIComponent(item.code)}${item.current ? '' : `?version=${item.versionNo}`}`;
      const url = absoluteUrl(request, pathname);
      const [flowSvg, qrSvg] = await Promise.all([
        flowchartSvg(item.versionId, item.steps),
        QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
      ]);
      return render(reply, 'item', {
        title: item.name,
        agencyName,
        item: {
          ...item,
          publishedAtText: shanghaiDate(item.publishedAt),
          history: item.history.map((h) => ({ ...h, publishedAtText: shanghaiDate(h.publishedAt) })),
        },
        flowSvg,
        qrSvg,
        url,
      });
    },
  );
}
