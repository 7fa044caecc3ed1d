import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getPublicList, listPublicBatches, type PublicNoticeList } from '../modules/violation-notices/index.js';
import { AppError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import { csvField } from './decision-feeds.js';
import { agencyNameOf, disclosureCrumbs, pageQr, pathParam, queryText, render, shanghaiDate } from './page-kit.js';

// 重大劳动保障违法行为社会公布 (人社部令第29号): the published quarterly lists (/violation-notices), each list
// as a searchable table (/violation-notices/:year/:quarter) and its CSV. Server-rendered, no script.

const LIST = { href: '/violation-notices', label: '重大劳动保障违法行为' };
const Q_MAX = 50;

/** year and quarter from the path: digits only, else the page is a 404. */
function quarterParams(params: unknown): { year: number; quarter: number } | null {
  const year = pathParam(params, 'year');
  const quarter = pathParam(params, 'quarter');
  if (!/^20[0-9]{2}$/.test(year) || !/^[1-4]$/.test(quarter)) return null;
  return { year: Number(year), quarter: Number(quarter) };
}

async function findList(ctx: AppContext, params: unknown, q: string): Promise<PublicNoticeList | null> {
  const key = quarterParams(params);
  if (!key) return null;
  try {
    return await getPublicList(ctx.db.kysely, key.year, key.quarter, q);
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') return null;
    throw error;
  }
}

const listPath = (year: number, quarter: number) => `/violation-notices/${year}/${quarter}`;

export const NOTICE_CSV_HEADER = [
  '序号',
  '违法主体全称',
  '统一社会信用代码(或注册号)',
  '地址',
  '法定代表人或负责人',
  '违法行为类别',
  '主要违法事实',
  '相关处理情况',
  '处理决定日期',
  '撤下说明',
];

/** The list as published (removed rows keep their note), UTF-8 with a BOM and CRLF, like /decisions.csv. */
export function noticesCsv(list: PublicNoticeList): string {
  const rows = list.entries.map((e) => [
    String(e.no),
    e.subjectName,
    e.creditCode,
    e.address,
    e.responsiblePerson,
    e.categoryLabel,
    e.facts,
    e.handling,
    e.decidedOn,
    e.removed ? `已于 ${shanghaiDate(e.removed.removedAt)} 撤下:${e.removed.reason}` : '',
  ]);
  return `\uFEFF${[NOTICE_CSV_HEADER, ...rows].map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}

async function renderList(request: FastifyRequest, reply: FastifyReply, ctx: AppContext, list: PublicNoticeList, q: string) {
  const own = listPath(list.year, list.quarter);
  const [agencyName, qr] = await Promise.all([agencyNameOf(ctx), pageQr(request, own)]);
  return render(reply, 'violation-notice-list', {
    title: `${list.label}重大劳动保障违法行为社会公布`,
    crumbTitle: list.label,
    agencyName,
    crumbs: disclosureCrumbs(LIST),
    list: { ...list, publishedAtText: shanghaiDate(list.publishedAt) },
    rows: list.entries.map((e) => ({ ...e, removedAtText: e.removed ? shanghaiDate(e.removed.removedAt) : '' })),
    q,
    ownPath: own,
    csvUrl: `${own}/list.csv`,
    jsonUrl: `/api/public/violation-notices/${list.year}/${list.quarter}`,
    entryUrl: `/api/ledger/entries/${list.ledgerIndex}`,
    pageQr: qr,
  });
}

export async function violationNoticePages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/violation-notices', { schema: { hide: true } }, async (request, reply) => {
    const [agencyName, batches, qr] = await Promise.all([
      agencyNameOf(ctx),
      listPublicBatches(ctx.db.kysely),
      pageQr(request, '/violation-notices'),
    ]);
    return render(reply, 'violation-notices', {
      title: '重大劳动保障违法行为社会公布',
      crumbTitle: LIST.label,
      agencyName,
      crumbs: disclosureCrumbs(),
      batches: batches.map((b) => ({ ...b, url: listPath(b.year, b.quarter), publishedAtText: shanghaiDate(b.publishedAt) })),
      pageQr: qr,
    });
  });

  app.get('/violation-notices/:year/:quarter', { schema: { hide: true } }, async (request, reply) => {
    const q = queryText(request.query, 'q', Q_MAX);
    const list = await findList(ctx, request.params, q);
    if (!list) return reply.callNotFound();
    return renderList(request, reply, ctx, list, q);
  });

  app.get('/violation-notices/:year/:quarter/list.csv', { schema: { hide: true } }, async (request, reply) => {
    const list = await findList(ctx, request.params, '');
    if (!list) return reply.callNotFound();
    const name = `violation-notices-${list.year}-q${list.quarter}.csv`;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(noticesCsv(list));
  });
}
