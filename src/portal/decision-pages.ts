import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getPublicDecision, listPublicDecisions, type PublicDecision, type PublicDecisionItem } from '../modules/publications/index.js';
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
const Q_MAX = 50;
/** The CSV holds at most this many of the newest decisions (a bulk copy is the JSON API's job). */
const CSV_LIMIT = 10_000;
const LIST = { href: '/decisions', label: '执法决定公开' };

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
    const q = queryText(request.query, 'q', Q_MAX);
    const page = queryPage(request.query);
    const [agencyName, result, qr] = await Promise.all([
      agencyNameOf(ctx),
      listPublicDecisions(db, { q, page, pageSize: PAGE_SIZE }),
      pageQr(request, '/decisions'),
    ]);
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    const pageUrl = (n: number) => withQuery('/decisions', { q, page: n === 1 ? '' : String(n) });
    return render(reply, 'decisions', {
      title: '行政执法决定公开',
      crumbTitle: LIST.label,
      agencyName,
      crumbs: disclosureCrumbs(),
      alternates: DECISION_ALTERNATES,
      q,
      rows: result.items.map(rowView),
      total: result.total,
      page,
      pages,
      prevUrl: page > 1 ? pageUrl(Math.min(page - 1, pages)) : null,
      nextUrl: page < pages ? pageUrl(page + 1) : null,
      csvUrl: withQuery('/decisions.csv', { q }),
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
    const q = queryText(request.query, 'q', Q_MAX);
    const items = await allPages(async (page, pageSize) => {
      if ((page - 1) * pageSize >= CSV_LIMIT) return { items: [], total: 0 };
      return listPublicDecisions(db, { q, page, pageSize });
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
