import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  getPublicReport,
  lineText,
  listPublicReports,
  type PublicReport,
  REPORT_LINES,
  reportCharts,
  reportWorkbook,
} from '../modules/annual-reports/index.js';
import { CATEGORIES, PENALTY_TYPES } from '../modules/catalog/index.js';
import { AppError } from '../platform/errors.js';
import { attachment, XLSX_TYPE } from '../platform/excel/index.js';
import type { AppContext } from '../platform/http/context.js';
import { agencyNameOf, disclosureCrumbs, pageQr, pathParam, render, shanghaiDate } from './page-kit.js';

// 行政执法统计年报 on the portal: the published years (/statistics), each year's tables with server-rendered
// SVG charts (/statistics/:year) and its workbook (/statistics/:year.xlsx). No script is needed.

const LIST = { href: '/statistics', label: '行政执法统计年报' };
const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The published report of a path's year, or null (not a year, not published). */
async function findReport(ctx: AppContext, text: string): Promise<PublicReport | null> {
  if (!/^[12][0-9]{3}$/.test(text)) return null;
  try {
    return await getPublicReport(ctx.db.kysely, Number(text));
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') return null;
    throw error;
  }
}

async function renderYear(request: FastifyRequest, reply: FastifyReply, ctx: AppContext, report: PublicReport) {
  const f = report.figures;
  const ownPath = `/statistics/${report.year}`;
  const [agencyName, qr] = await Promise.all([agencyNameOf(ctx), pageQr(request, ownPath)]);
  return render(reply, 'statistics-year', {
    title: `${report.year} 年度行政执法统计年报`,
    crumbTitle: `${report.year} 年度`,
    agencyName,
    crumbs: disclosureCrumbs(LIST),
    stylesheet: 'statistics.css',
    pageQr: qr,
    r: {
      ...report,
      publishedAtText: shanghaiDate(report.publishedAt),
      lines: REPORT_LINES.map((l) => ({ label: l.label, total: lineText(l, f.total) })),
      categories: CATEGORIES.map((c) => ({
        name: c,
        received: f.total.byCategory[c] ?? 0,
        decisions: f.total.decisionsByCategory[c] ?? 0,
      })),
      penalties: PENALTY_TYPES.map((t) => ({ name: t, count: f.total.byPenaltyType[t] ?? 0 })),
      units: f.units.map((u) => ({ ...u.counts, name: u.unitName, fineText: yuan(u.counts.fineYuan) })),
      months: f.months.map((m) => ({ ...m, fineText: yuan(m.fineYuan) })),
      charts: await reportCharts(f),
      jsonUrl: `/api/public/annual-reports/${report.year}`,
      xlsxUrl: `/statistics/${report.year}.xlsx`,
      entryUrl: `/api/ledger/entries/${report.ledgerIndex}`,
    },
  });
}

export async function statisticsPages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/statistics', { schema: { hide: true } }, async (request, reply) => {
    const [agencyName, reports, qr] = await Promise.all([
      agencyNameOf(ctx),
      listPublicReports(ctx.db.kysely),
      pageQr(request, '/statistics'),
    ]);
    return render(reply, 'statistics', {
      title: '行政执法统计年报',
      crumbTitle: LIST.label,
      agencyName,
      crumbs: disclosureCrumbs(),
      stylesheet: 'statistics.css',
      pageQr: qr,
      rows: reports.map((r) => ({
        ...r,
        url: `/statistics/${r.year}`,
        publishedAtText: shanghaiDate(r.publishedAt),
        fineText: yuan(r.fineYuan),
      })),
    });
  });

  // One route for both the page and its workbook: /statistics/2026 and /statistics/2026.xlsx.
  app.get('/statistics/:year', { schema: { hide: true } }, async (request, reply) => {
    const param = pathParam(request.params, 'year');
    const xlsx = param.endsWith('.xlsx');
    const report = await findReport(ctx, xlsx ? param.slice(0, -'.xlsx'.length) : param);
    if (!report) return reply.callNotFound();
    if (!xlsx) return renderYear(request, reply, ctx, report);
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachment(`行政执法统计年报-${report.year}.xlsx`))
      .send(await reportWorkbook(report));
  });
}
