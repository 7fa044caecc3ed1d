import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listPublicEntries, type PublicEntryDetail, type WindowBoardData, windowBoardKind } from '../modules/catalog/index.js';
import type { AppContext } from '../platform/http/context.js';
import { windowBoardView } from './disclosure-views.js';
import { type PreviewInfo, publicEntryOrMessage, publishedItemNames, renderMissing } from './entry-pages.js';
import { absoluteUrl, agencyNameOf, allPages, disclosureCrumbs, pageQr, pathParam, qrSvg, render, shanghaiDate } from './page-kit.js';

const LIST = { href: '/windows', label: '岗位职责公示牌' };

/** One window's 岗位职责公示牌, laid out to print on one A4 sheet; also what a staff preview shows. */
export async function renderWindowBoard(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: AppContext,
  entry: PublicEntryDetail<WindowBoardData>,
  preview?: PreviewInfo,
) {
  const publicPath = `/windows/${encodeURIComponent(entry.code)}`;
  // The printed board always points at the current board (a preview prints what will be published).
  const url = absoluteUrl(request, entry.current || preview ? publicPath : `${publicPath}?version=${entry.versionNo}`);
  const [agencyName, names, svg] = await Promise.all([agencyNameOf(ctx), publishedItemNames(ctx), qrSvg(url)]);
  return render(reply, 'window-board', {
    title: `${entry.windowNo} ${entry.name}`,
    crumbTitle: entry.windowNo,
    agencyName,
    crumbs: disclosureCrumbs(LIST),
    stylesheet: 'board.css',
    board: {
      ...windowBoardView(entry, names),
      publishedAtText: shanghaiDate(entry.publishedAt),
      history: entry.history.map((h) => ({ ...h, publishedAtText: shanghaiDate(h.publishedAt) })),
    },
    publicPath,
    url,
    qrSvg: svg,
    preview: preview ?? null,
    noindex: preview !== undefined,
  });
}

/** 岗位职责公示牌: the list of service windows (/windows) and each printable board (/windows/:code). */
export async function windowPages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const db = ctx.db.kysely;

  app.get('/windows', { schema: { hide: true } }, async (request, reply) => {
    const [agencyName, boards, qr] = await Promise.all([
      agencyNameOf(ctx),
      allPages((page, pageSize) => listPublicEntries(db, windowBoardKind, { page, pageSize })),
      pageQr(request, '/windows'),
    ]);
    return render(reply, 'windows', { title: '岗位职责公示牌', agencyName, crumbs: disclosureCrumbs(), boards, pageQr: qr });
  });

  app.get('/windows/:code', { schema: { hide: true } }, async (request, reply) => {
    const code = pathParam(request.params, 'code');
    const entry = await publicEntryOrMessage(ctx, windowBoardKind, code, request.query);
    if (typeof entry === 'string') return renderMissing(reply, ctx, { title: '公示牌不存在', code, message: entry, list: LIST });
    return renderWindowBoard(request, reply, ctx, entry);
  });
}
