import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listPublicEntries, type PublicEntry, type ReviewRuleData, reviewRuleKind } from '../modules/catalog/index.js';
import { publicReviewCounts, recentYears } from '../modules/reviews/index.js';
import type { AppContext } from '../platform/http/context.js';
import { reviewRuleView } from './disclosure-views.js';
import { type PreviewInfo, publishedItemNames } from './entry-pages.js';
import { agencyNameOf, allPages, disclosureCrumbs, pageQr, render } from './page-kit.js';

/** Every published rule of the 重大执法决定法制审核目录, by code. */
export function allReviewRules(ctx: AppContext): Promise<PublicEntry<ReviewRuleData>[]> {
  return allPages((page, pageSize) => listPublicEntries(ctx.db.kysely, reviewRuleKind, { page, pageSize }));
}

/** The catalogue page: the public one, or (with `preview`) a staff preview with one rule highlighted. */
export async function renderReviewCatalogue(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: AppContext,
  page: { rules: readonly PublicEntry<ReviewRuleData>[]; highlight?: string; preview?: PreviewInfo },
) {
  const [agencyName, names, qr, counts] = await Promise.all([
    agencyNameOf(ctx),
    publishedItemNames(ctx),
    pageQr(request, '/review-catalogue'),
    // A staff preview of a draft rule shows the catalogue only.
    page.preview ? Promise.resolve([]) : publicReviewCounts(ctx.db.kysely, recentYears()),
  ]);
  const reviewUnits = [...new Set(page.rules.map((r) => r.unitName))];
  return render(reply, 'review-catalogue', {
    title: '重大执法决定法制审核目录',
    agencyName,
    crumbs: disclosureCrumbs(),
    rules: page.rules.map((r) => reviewRuleView(r, names, page.highlight)),
    reviewUnit: reviewUnits.length === 1 ? reviewUnits[0] : '政策法规科',
    counts,
    preview: page.preview ?? null,
    noindex: page.preview !== undefined,
    pageQr: qr,
  });
}

/** 重大执法决定法制审核目录 (/review-catalogue): every rule with its one-sentence explanation. */
export async function reviewPages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/review-catalogue', { schema: { hide: true } }, async (request, reply) =>
    renderReviewCatalogue(request, reply, ctx, { rules: await allReviewRules(ctx) }),
  );
}
