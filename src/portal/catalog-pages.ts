import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  CATEGORIES,
  flowchartSvg,
  getPublicItem,
  type ItemData,
  itemKind,
  listPublicItems,
  listPublicUnits as listPublicKindUnits,
  type PublicEntryDetail,
} from '../modules/catalog/index.js';
import { AppError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import type { PreviewInfo } from './entry-pages.js';
import { absoluteUrl, agencyNameOf, codeText, disclosureCrumbs, pageQr, qrSvg, render, shanghaiDate, withoutControls } from './page-kit.js';

const PAGE_SIZE = 20;
const LIST = { href: '/items', label: '行政执法事项清单' };

const Search = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 64 })),
  category: Type.Optional(Type.String({ maxLength: 16 })),
  unit: Type.Optional(Type.String({ maxLength: 64 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
});

/** One item's 服务指南 with its 执法流程图; also what a staff preview of a draft shows. */
export async function renderItem(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: AppContext,
  item: PublicEntryDetail<ItemData>,
  preview?: PreviewInfo,
) {
  const publicPath = `/items/${encodeURIComponent(item.code)}`;
  const url = absoluteUrl(request, item.current || preview ? publicPath : `${publicPath}?version=${item.versionNo}`);
  const [agencyName, flowSvg, qr] = await Promise.all([agencyNameOf(ctx), flowchartSvg(item.versionId, item.steps), qrSvg(url)]);
  return render(reply, 'item', {
    title: item.name,
    crumbTitle: item.code,
    agencyName,
    crumbs: disclosureCrumbs(LIST),
    item: {
      ...item,
      publishedAtText: shanghaiDate(item.publishedAt),
      history: item.history.map((h) => ({ ...h, publishedAtText: shanghaiDate(h.publishedAt) })),
    },
    flowSvg,
    qrSvg: qr,
    url,
    preview: preview ?? null,
    noindex: preview !== undefined,
  });
}

/** 执法事项清单 (/items) and each item's 服务指南 with its 执法流程图 (/items/:code): no JavaScript. */
export async function catalogPages(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  app.get('/items', { schema: { hide: true, querystring: Search } }, async (request, reply) => {
    const { page = 1 } = request.query;
    const search = {
      q: withoutControls(request.query.q ?? '').trim(),
      category: CATEGORIES.some((c) => c === request.query.category) ? (request.query.category ?? '') : '',
      unit: withoutControls(request.query.unit ?? '').trim(),
    };
    const [agencyName, units, result, qr] = await Promise.all([
      agencyNameOf(ctx),
      listPublicKindUnits(db, itemKind),
      listPublicItems(db, { q: search.q, category: search.category, unitId: search.unit, page, pageSize: PAGE_SIZE }),
      pageQr(request, '/items'),
    ]);
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    const pageUrl = (n: number) => {
      const params = new URLSearchParams(Object.entries({ ...search, page: String(n) }).filter(([, v]) => v !== ''));
      return `/items?${params.toString()}`;
    };
    return render(reply, 'items', {
      title: '行政执法事项清单',
      agencyName,
      crumbs: disclosureCrumbs(),
      search,
      categories: CATEGORIES,
      units,
      result: { ...result, items: result.items.map((i) => ({ ...i, publishedAtText: shanghaiDate(i.publishedAt) })) },
      pages,
      prevUrl: page > 1 ? pageUrl(page - 1) : null,
      nextUrl: page < pages ? pageUrl(page + 1) : null,
      filtered: search.q !== '' || search.category !== '' || search.unit !== '',
      pageQr: qr,
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
      const code = codeText(request.params.code);
      let item: PublicEntryDetail<ItemData>;
      try {
        item = await getPublicItem(db, code, request.query.version);
      } catch (error) {
        if (!(error instanceof AppError) || error.kind !== 'not_found') throw error;
        const agencyName = await agencyNameOf(ctx);
        return render(
          reply,
          'item-missing',
          { title: '执法事项不存在', agencyName, code, message: error.message, crumbs: disclosureCrumbs(LIST) },
          404,
        );
      }
      return renderItem(request, reply, ctx, item);
    },
  );
}
