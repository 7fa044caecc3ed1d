import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  CATEGORY_LABELS,
  getPublicDecision,
  listPublicDecisions,
  PUBLICATION_CATEGORIES,
  type PublicDecision,
  type PublicDecisionItem,
  type PublicDecisionsQuery,
  publicDecisionFacets,
} from '../modules/publications/index.js';
import { AppError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import { latestCheckpoint } from '../platform/ledger/repository.js';
import { atomFeed, DECISION_ALTERNATES, decisionsCsv, FEED_LIMIT, type FeedMeta, jsonFeed, rssFeed } from './decision-feeds.js';
import {
  absoluteUrl,
  agencyNameOf,
  allPages,
  disclosureCrumbs,
  pageQr,
  pathParam,
  queryPage,
  queryText,
  render,
  shanghaiDate,
  shanghaiTime,
  withQuery,
} from './page-kit.js';

const PAGE_SIZE = 20;
/** The API's limit on `q`. */
const Q_MAX = 100;
/** The CSV holds at most this many of the newest decisions (a bulk copy is the JSON API's job). */
const CSV_LIMIT = 10_000;
const LIST = { href: '/decisions', label: '执法决定公开' };

/**
 * The list's filters from the query string, leniently: a unit, category or year the portal does not
 * offer is ignored rather than refused (links get old; the page still answers).
 */
function listFilter(query: unknown, units: readonly { id: string }[]) {
  const q = queryText(query, 'q', Q_MAX);
  const unitText = queryText(query, 'unit', 64);
  const unit = units.some((u) => u.id === unitText) ? unitText : '';
  const categoryText = queryText(query, 'category', 16);
  const category = PUBLICATION_CATEGORIES.find((c) => c === categoryText);
  const yearText = queryText(query, 'year', 4);
  const year = /^20[0-9]{2}$/.test(yearText) ? Number(yearText) : undefined;
  return {
    values: { q, unit, category: category ?? '', year: year === undefined ? '' : String(year) },
    query: { q, unit: unit === '' ? undefined : unit, category, year },
  };
}

/** The search, or no results and the reason when the search itself is refused (too many words). */
async function searchOrExplain(db: AppContext['db']['kysely'], query: PublicDecisionsQuery) {
  try {
    return { result: await listPublicDecisions(db, query), problem: null };
  } catch (error) {
    if (error instanceof AppError && error.kind === 'invalid') {
      return { result: { items: [], total: 0, totalCapped: false }, problem: error.message };
    }
    throw error;
  }
}

const rowView = (d: PublicDecisionItem) => ({
  ...d,
  url: `/decisions/${encodeURIComponent(d.id)}`,
  publishedAtText: shanghaiDate(d.publishedAt),
});

/** The published decision or its withdrawal notice; null for unknown ids, drafts and blocked ones. */
async function findDecision(ctx: AppContext, id: string): Promise<PublicDecision | null> {
  if (id === '' || id.length > 64) return null;
  try {
    return await getPublicDecision(ctx.db.kysely, id);
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') return null;
    throw error;
  }
}

async function renderDecision(request: FastifyRequest, reply: FastifyReply, ctx: AppContext, decision: PublicDecision) {
  const ownPath = `/decisions/${encodeURIComponent(decision.id)}`;
  const [agencyName, qr, checkpoint] = await Promise.all([agencyNameOf(ctx), pageQr(request, ownPath), latestCheckpoint(ctx.db.kysely)]);
  const common = { agencyName, crumbs: disclosureCrumbs(LIST), pageQr: qr };
  if (decision.state === 'withdrawn') {
    return render(reply, 'decision', {
      ...common,
      title: '已撤回的行政执法决定',
      crumbTitle: decision.documentNumber ?? '已撤回',
      withdrawn: { ...decision, withdrawnAtText: shanghaiDate(decision.withdrawnAt) },
      expired: null,
      d: null,
    });
  }
  if (decision.state === 'expired') {
    return render(reply, 'decision', {
      ...common,
      title: '公示期满的行政执法决定',
      crumbTitle: decision.documentNumber ?? '公示期满',
      withdrawn: null,
      expired: decision,
      d: null,
    });
  }
  const index = decision.ledgerIndex;
  const proofSize = checkpoint && checkpoint.size > index ? checkpoint.size : null;
  return render(reply, 'decision', {
    ...common,
    title: `${decision.documentTitle}${decision.documentNumber ? `(${decision.documentNumber})` : ''}`,
    crumbTitle: decision.documentNumber ?? decision.documentTitle,
    withdrawn: null,
    expired: null,
    // Read by /static/verify-decision.js; `<` escaped so the text cannot close the script element.
    verifyData: JSON.stringify({ text: decision.text, eventData: decision.ledgerEventData, ledgerIndex: index }).replaceAll('<', '\\u003c'),
    d: {
      ...decision,
      publishedAtText: shanghaiTime(decision.publishedAt),
      paragraphs: decision.text
        .split(/\r?\n/)
        .map((p) => p.trim())
        .filter((p) => p !== ''),
      versions: decision.versions.map((v) => ({ ...v, publishedAtText: shanghaiTime(v.publishedAt) })),
    },
    entryUrl: `/api/ledger/entries/${index}`,
    proofUrl: proofSize === null ? null : withQuery('/api/ledger/proof/inclusion', { index: String(index), size: String(proofSize) }),
    checkpointSize: proofSize,
  });
}

async function feedMeta(request: FastifyRequest, ctx: AppContext): Promise<FeedMeta> {
  return { origin: absoluteUrl(request, ''), agencyName: await agencyNameOf(ctx) };
}

/** 执法决定公开: the list (/decisions), each decision (/decisions/:id) and the feeds of the newest ones. */
export async function decisionPages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const db = ctx.db.kysely;
  const newest = async () => (await listPublicDecisions(db, { page: 1, pageSize: FEED_LIMIT })).items;

  app.get('/decisions', { schema: { hide: true } }, async (request, reply) => {
    const page = queryPage(request.query);
    const [agencyName, facets, qr] = await Promise.all([agencyNameOf(ctx), publicDecisionFacets(db), pageQr(request, '/decisions')]);
    const filter = listFilter(request.query, facets.units);
    const { q, unit, category, year } = filter.values;
    const { result, problem } = await searchOrExplain(db, { ...filter.query, page, pageSize: PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    const pageUrl = (n: number) => withQuery('/decisions', { ...filter.values, page: n === 1 ? '' : String(n) });
    return render(reply, 'decisions', {
      unit,
      category,
      year,
      filtered: q !== '' || unit !== '' || category !== '' || year !== '',
      problem,
      units: facets.units,
      years: facets.years,
      categories: PUBLICATION_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
      title: '行政执法决定公开',
      crumbTitle: LIST.label,
      agencyName,
      crumbs: disclosureCrumbs(),
      alternates: DECISION_ALTERNATES,
      q,
      rows: result.items.map(rowView),
      total: result.total,
      totalCapped: result.totalCapped,
      page,
      pages,
      prevUrl: page > 1 ? pageUrl(Math.min(page - 1, pages)) : null,
      nextUrl: page < pages ? pageUrl(page + 1) : null,
      csvUrl: withQuery('/decisions.csv', filter.values),
      pageQr: qr,
    });
  });

  app.get('/decisions/feed.xml', { schema: { hide: true } }, async (request, reply) =>
    reply.type('application/rss+xml; charset=utf-8').send(rssFeed(await newest(), await feedMeta(request, ctx))),
  );
  app.get('/decisions/atom.xml', { schema: { hide: true } }, async (request, reply) =>
    reply.type('application/atom+xml; charset=utf-8').send(atomFeed(await newest(), await feedMeta(request, ctx))),
  );
  app.get('/decisions/feed.json', { schema: { hide: true } }, async (request, reply) =>
    reply.type('application/feed+json; charset=utf-8').send(jsonFeed(await newest(), await feedMeta(request, ctx))),
  );
  app.get('/decisions.csv', { schema: { hide: true } }, async (request, reply) => {
    const filter = listFilter(request.query, (await publicDecisionFacets(db)).units);
    const items = await allPages(async (page, pageSize) => {
      if ((page - 1) * pageSize >= CSV_LIMIT) return { items: [], total: 0 };
      return (await searchOrExplain(db, { ...filter.query, page, pageSize })).result;
    });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="decisions.csv"')
      .send(decisionsCsv(items, await feedMeta(request, ctx)));
  });

  app.get('/decisions/:id', { schema: { hide: true } }, async (request, reply) => {
    const decision = await findDecision(ctx, pathParam(request.params, 'id'));
    if (!decision) return reply.callNotFound();
    return renderDecision(request, reply, ctx, decision);
  });
}
