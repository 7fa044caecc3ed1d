import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  avRuleKind,
  benchmarkKind,
  getPreviewEntry,
  itemKind,
  type KindDef,
  type PreviewEntry,
  reviewRuleKind,
  windowBoardKind,
} from '../modules/catalog/index.js';
import { AppError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import { allAvRules, renderAvList } from './av-list-pages.js';
import { renderBenchmark } from './benchmark-pages.js';
import { renderItem } from './catalog-pages.js';
import { type PreviewInfo, renderMissing } from './entry-pages.js';
import { agencyNameOf, type Crumb, pathParam, queryText, render, shanghaiTime } from './page-kit.js';
import { allReviewRules, renderReviewCatalogue } from './review-pages.js';
import { renderWindowBoard } from './window-pages.js';

/** A catalogue list with one entry replaced by (or added as) the previewed version, in code order. */
function withPreviewed<T extends { code: string }>(rows: readonly T[], previewed: T): T[] {
  return [...rows.filter((r) => r.code !== previewed.code), previewed].sort((a, b) => a.code.localeCompare(b.code));
}

interface PreviewRoute<D extends { unitId: string }> {
  path: string;
  def: KindDef<D>;
  list: Crumb;
  publicPath: (code: string) => string;
  show: (request: FastifyRequest, reply: FastifyReply, found: PreviewEntry<D>, info: PreviewInfo) => Promise<unknown>;
}

/**
 * Staff previews of any version, drafts included (/preview/<list>/:code?version=<version id>): the
 * public page's template with a 「预览」 banner, never indexed or cached. Anonymous visitors are sent
 * to the console login and back; signed-in people without `catalog.list` get a 403 page.
 */
export async function previewPages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  function route<D extends { unitId: string }>(r: PreviewRoute<D>): void {
    app.get(`/preview/${r.path}/:code`, { schema: { hide: true } }, async (request, reply) => {
      reply.header('x-robots-tag', 'noindex, nofollow').header('cache-control', 'no-store');
      const code = pathParam(request.params, 'code');
      let found: PreviewEntry<D>;
      try {
        found = await getPreviewEntry(ctx.db.kysely, request.actor, r.def, code, queryText(request.query, 'version'));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.kind === 'unauthenticated') return reply.redirect(`/console/login?next=${encodeURIComponent(request.url)}`, 302);
        if (error.kind === 'forbidden') {
          const page = { title: '无权预览', agencyName: await agencyNameOf(ctx), message: error.message, noindex: true };
          return render(reply, 'forbidden', page, 403);
        }
        if (error.kind !== 'not_found') throw error;
        return renderMissing(reply, ctx, { title: `${r.def.label}不存在`, code, message: error.message, list: r.list });
      }
      const info: PreviewInfo = {
        status: found.status,
        statusLabel: found.statusLabel,
        versionNo: found.entry.versionNo,
        updatedAtText: shanghaiTime(found.updatedAt),
        publicPath: r.publicPath(found.entry.code),
      };
      return r.show(request, reply, found, info);
    });
  }

  const at = (base: string) => (code: string) => `${base}/${encodeURIComponent(code)}`;
  route({
    path: 'items',
    def: itemKind,
    list: { href: '/items', label: '行政执法事项清单' },
    publicPath: at('/items'),
    show: (request, reply, found, info) => renderItem(request, reply, ctx, found.entry, info),
  });
  route({
    path: 'benchmarks',
    def: benchmarkKind,
    list: { href: '/benchmarks', label: '行政处罚裁量基准' },
    publicPath: at('/benchmarks'),
    show: (request, reply, found, info) => renderBenchmark(request, reply, ctx, found.entry, info),
  });
  route({
    path: 'av-list',
    def: avRuleKind,
    list: { href: '/av-list', label: '音像记录事项清单' },
    publicPath: (code) => `/av-list#${encodeURIComponent(code)}`,
    show: async (request, reply, found, info) => {
      const rules = withPreviewed(await allAvRules(ctx), { ...found.entry, itemName: '' });
      return renderAvList(request, reply, ctx, { rules, highlight: found.entry.code, preview: info });
    },
  });
  route({
    path: 'review-catalogue',
    def: reviewRuleKind,
    list: { href: '/review-catalogue', label: '重大执法决定法制审核目录' },
    publicPath: (code) => `/review-catalogue#${encodeURIComponent(code)}`,
    show: async (request, reply, found, info) => {
      const rules = withPreviewed(await allReviewRules(ctx), found.entry);
      return renderReviewCatalogue(request, reply, ctx, { rules, highlight: found.entry.code, preview: info });
    },
  });
  route({
    path: 'window-boards',
    def: windowBoardKind,
    list: { href: '/windows', label: '岗位职责公示牌' },
    publicPath: at('/windows'),
    show: (request, reply, found, info) => renderWindowBoard(request, reply, ctx, found.entry, info),
  });
}
