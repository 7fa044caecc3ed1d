import type { FastifyInstance } from 'fastify';
import { listPublicItems, listPublicPlans, listPublicResults, type PublicTask } from '../modules/inspections/index.js';
import { shanghaiToday } from '../platform/calendar/index.js';
import type { AppContext } from '../platform/http/context.js';
import { drawPage } from './inspection-draw-page.js';
import { inspectionCrumbs, inspectionTabs, paging, planRow, SECTION } from './inspection-views.js';
import { agencyNameOf, disclosureCrumbs, pageQr, queryPage, queryText, render, shanghaiDate } from './page-kit.js';

// 双随机、一公开 (/inspections): the tabs real systems have — 抽查事项清单, 抽查计划, 抽查结果 — each a
// searchable table, and every plan's own page with its draw (/draws/:id, inspection-draw-page.ts).
// Server-rendered; only the draw page's re-run needs a script.

const PAGE_SIZE = 20;
/** The public API's limit on `q`. */
const Q_MAX = 50;
const STYLESHEET = 'inspections.css';
/** How many years back the plan list's year filter offers. */
const YEARS_BACK = 5;

const period = (from: string | null, to: string | null): string => (from && to ? (from === to ? from : `${from} 至 ${to}`) : '');

const resultRow = (t: PublicTask) => ({
  entityName: t.entityName,
  uscc: t.uscc,
  period: period(t.inspectedFrom, t.inspectedTo),
  unitName: t.unitName,
  items: t.items.join('、'),
  result: t.result ?? '',
  planUrl: `/draws/${encodeURIComponent(t.planId)}`,
  planTitle: t.planTitle,
  publishedAtText: t.publishedAt ? shanghaiDate(t.publishedAt) : '',
});

/** The year filter's choices: next year back to YEARS_BACK years ago, and the chosen one if older. */
function yearChoices(chosen: number | undefined): number[] {
  const now = Number(shanghaiToday().slice(0, 4));
  const years = Array.from({ length: YEARS_BACK + 2 }, (_, i) => now + 1 - i);
  if (chosen !== undefined && !years.includes(chosen)) years.push(chosen);
  return years.sort((a, b) => b - a);
}

export async function inspectionPages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const db = ctx.db.kysely;

  app.get('/inspections', { schema: { hide: true } }, async (request, reply) => {
    const [agencyName, qr, items, plans, results] = await Promise.all([
      agencyNameOf(ctx),
      pageQr(request, '/inspections'),
      listPublicItems(db),
      listPublicPlans(db, { page: 1, pageSize: 5 }),
      listPublicResults(db, { page: 1, pageSize: 1 }),
    ]);
    return render(reply, 'inspections/index', {
      title: '双随机、一公开',
      agencyName,
      crumbs: disclosureCrumbs(),
      stylesheet: STYLESHEET,
      tabs: inspectionTabs(null),
      counts: { items: items.length, plans: plans.total, results: results.total },
      latest: plans.items.map(planRow),
      pageQr: qr,
    });
  });

  app.get('/inspections/items', { schema: { hide: true } }, async (request, reply) => {
    const q = queryText(request.query, 'q', Q_MAX);
    const [agencyName, qr, items] = await Promise.all([agencyNameOf(ctx), pageQr(request, '/inspections/items'), listPublicItems(db, q)]);
    return render(reply, 'inspections/items', {
      title: '随机抽查事项清单',
      crumbTitle: '抽查事项清单',
      agencyName,
      crumbs: inspectionCrumbs(),
      stylesheet: STYLESHEET,
      tabs: inspectionTabs('items'),
      q,
      rows: items.map((i) => ({ ...i, publishedAtText: shanghaiDate(i.publishedAt) })),
      pageQr: qr,
    });
  });

  app.get('/inspections/plans', { schema: { hide: true } }, async (request, reply) => {
    const q = queryText(request.query, 'q', Q_MAX);
    const yearText = queryText(request.query, 'year', 4);
    const year = /^20[0-9]{2}$/.test(yearText) ? Number(yearText) : undefined;
    const page = queryPage(request.query);
    const [agencyName, qr, plans] = await Promise.all([
      agencyNameOf(ctx),
      pageQr(request, '/inspections/plans'),
      listPublicPlans(db, { q, ...(year === undefined ? {} : { year }), page, pageSize: PAGE_SIZE }),
    ]);
    const values = { q, year: year === undefined ? '' : String(year) };
    return render(reply, 'inspections/plans', {
      title: '随机抽查计划',
      crumbTitle: '抽查计划',
      agencyName,
      crumbs: inspectionCrumbs(),
      stylesheet: STYLESHEET,
      tabs: inspectionTabs('plans'),
      ...values,
      years: yearChoices(year),
      filtered: q !== '' || year !== undefined,
      rows: plans.items.map(planRow),
      total: plans.total,
      ...paging('/inspections/plans', values, page, plans.total, PAGE_SIZE),
      pageQr: qr,
    });
  });

  app.get('/inspections/results', { schema: { hide: true } }, async (request, reply) => {
    const q = queryText(request.query, 'q', Q_MAX);
    const page = queryPage(request.query);
    const [agencyName, qr, results] = await Promise.all([
      agencyNameOf(ctx),
      pageQr(request, '/inspections/results'),
      listPublicResults(db, { q, page, pageSize: PAGE_SIZE }),
    ]);
    return render(reply, 'inspections/results', {
      title: '随机抽查结果公示',
      crumbTitle: '抽查结果',
      agencyName,
      crumbs: inspectionCrumbs(),
      stylesheet: STYLESHEET,
      tabs: inspectionTabs('results'),
      q,
      rows: results.items.map(resultRow),
      total: results.total,
      ...paging('/inspections/results', { q }, page, results.total, PAGE_SIZE),
      pageQr: qr,
    });
  });

  // The plans' API is /api/public/draws; a visitor trimming /draws/:id to /draws gets the list.
  app.get('/draws', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/inspections/plans'));

  await drawPage(app, ctx, { section: SECTION, stylesheet: STYLESHEET });
}
