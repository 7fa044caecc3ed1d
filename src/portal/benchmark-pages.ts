import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type BenchmarkData,
  benchmarkKind,
  listPublicCategories,
  listPublicEntries,
  type PublicEntryDetail,
} from '../modules/catalog/index.js';
import type { AppContext } from '../platform/http/context.js';
import { benchmarkView, type ItemNames } from './disclosure-views.js';
import { type PreviewInfo, publicEntryOrMessage, publishedItemNames, renderMissing } from './entry-pages.js';
import {
  agencyNameOf,
  allPages,
  disclosureCrumbs,
  pageQr,
  pathParam,
  queryPage,
  queryText,
  render,
  shanghaiDate,
  withQuery,
} from './page-kit.js';

const PAGE_SIZE = 20;
const LIST = { href: '/benchmarks', label: '行政处罚裁量基准' };

/** The 裁量基准 page of one version; also what a staff preview of a draft shows. */
export async function renderBenchmark(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: AppContext,
  entry: PublicEntryDetail<BenchmarkData>,
  preview?: PreviewInfo,
) {
  const [agencyName, names] = await Promise.all([agencyNameOf(ctx), publishedItemNames(ctx)]);
  const publicPath = `/benchmarks/${encodeURIComponent(entry.code)}`;
  const ownPath = entry.current || preview ? publicPath : `${publicPath}?version=${entry.versionNo}`;
  return render(reply, 'benchmark', {
    title: entry.name,
    crumbTitle: entry.code,
    agencyName,
    crumbs: disclosureCrumbs(LIST),
    b: {
      ...benchmarkView(entry, names),
      publishedAtText: shanghaiDate(entry.publishedAt),
      history: entry.history.map((h) => ({ ...h, publishedAtText: shanghaiDate(h.publishedAt) })),
    },
    publicPath,
    preview: preview ?? null,
    noindex: preview !== undefined,
    pageQr: await pageQr(request, ownPath),
  });
}

/** 行政处罚裁量基准: the searchable list (/benchmarks) and each benchmark (/benchmarks/:code). */
export async function benchmarkPages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const db = ctx.db.kysely;

  app.get('/benchmarks', { schema: { hide: true } }, async (request, reply) => {
    const search = {
      q: queryText(request.query, 'q'),
      category: queryText(request.query, 'category'),
      item: queryText(request.query, 'item'),
    };
    const page = queryPage(request.query);
    const [agencyName, categories, names, all, result, qr] = await Promise.all([
      agencyNameOf(ctx),
      listPublicCategories(db, benchmarkKind),
      publishedItemNames(ctx),
      allPages((p, size) => listPublicEntries(db, benchmarkKind, { page: p, pageSize: size })),
      listPublicEntries(db, benchmarkKind, { q: search.q, category: search.category, itemCode: search.item, page, pageSize: PAGE_SIZE }),
      pageQr(request, '/benchmarks'),
    ]);
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    const pageUrl = (n: number) => withQuery('/benchmarks', { ...search, page: n === 1 ? '' : String(n) });
    return render(reply, 'benchmarks', {
      title: '行政处罚裁量基准',
      agencyName,
      crumbs: disclosureCrumbs(),
      search,
      categories,
      items: itemOptions(
        all.map((b) => b.itemCode),
        names,
      ),
      rows: result.items.map((b) => benchmarkView(b, names)),
      total: result.total,
      page,
      pages,
      prevUrl: page > 1 ? pageUrl(Math.min(page - 1, pages)) : null,
      nextUrl: page < pages ? pageUrl(page + 1) : null,
      filtered: search.q !== '' || search.category !== '' || search.item !== '',
      pageQr: qr,
    });
  });

  app.get('/benchmarks/:code', { schema: { hide: true } }, async (request, reply) => {
    const code = pathParam(request.params, 'code');
    const entry = await publicEntryOrMessage(ctx, benchmarkKind, code, request.query);
    if (typeof entry === 'string') return renderMissing(reply, ctx, { title: '裁量基准不存在', code, message: entry, list: LIST });
    return renderBenchmark(request, reply, ctx, entry);
  });
}

/** The items that benchmarks apply to, for the filter: published ones by name, others by code. */
function itemOptions(codes: readonly string[], names: ItemNames) {
  return [...new Set(codes.filter((c) => c !== ''))].sort().map((code) => ({ code, name: names.get(code) ?? code }));
}
