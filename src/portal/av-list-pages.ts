import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AV_RECORD_CATEGORIES, AV_REQUIREMENT_LABELS, getPublicItem, listPublicAvRules } from '../modules/catalog/index.js';
import { AppError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import { type AvEntry, avGroups } from './disclosure-views.js';
import { type PreviewInfo, publishedItemNames } from './entry-pages.js';
import { agencyNameOf, allPages, disclosureCrumbs, pageQr, queryText, render } from './page-kit.js';

export interface AvSearch {
  q: string;
  requirement: string;
  category: string;
  item: string;
}

const NO_SEARCH: AvSearch = { q: '', requirement: '', category: '', item: '' };

/** Every published AV rule, with its item's name. */
export function allAvRules(ctx: AppContext): Promise<AvEntry[]> {
  return allPages((page, pageSize) => listPublicAvRules(ctx.db.kysely, { page, pageSize }));
}

function matches(rule: AvEntry, s: AvSearch): boolean {
  if (s.requirement !== '' && rule.requirement !== s.requirement) return false;
  if (s.category !== '' && rule.recordCategory !== s.category) return false;
  if (s.item !== '' && rule.itemCode !== s.item) return false;
  if (s.q === '') return true;
  const q = s.q.toLowerCase();
  return [rule.code, rule.step, rule.itemCode, rule.itemName, rule.notes, ...rule.devices].some((t) => t.toLowerCase().includes(q));
}

/** The step names of each published item, so that each group lists its steps in procedural order. */
async function stepOrders(ctx: AppContext, codes: readonly string[]): Promise<Map<string, string[]>> {
  const orders = new Map<string, string[]>();
  for (const code of new Set(codes)) {
    try {
      orders.set(
        code,
        (await getPublicItem(ctx.db.kysely, code)).steps.map((s) => s.name),
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.kind !== 'not_found') throw error;
    }
  }
  return orders;
}

/** The 音像记录事项清单 page: the public list, or (with `preview`) a staff preview with one rule highlighted. */
export async function renderAvList(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: AppContext,
  page: { rules: readonly AvEntry[]; search?: AvSearch; highlight?: string; preview?: PreviewInfo },
) {
  const search = page.search ?? NO_SEARCH;
  const shown = page.rules.filter((r) => matches(r, search));
  const [agencyName, names, orders, qr] = await Promise.all([
    agencyNameOf(ctx),
    publishedItemNames(ctx),
    stepOrders(
      ctx,
      shown.map((r) => r.itemCode),
    ),
    pageQr(request, '/av-list'),
  ]);
  const itemOptions = [...new Map(page.rules.map((r) => [r.itemCode, names.get(r.itemCode) ?? r.itemName])).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, name]) => ({ code, name: name || code }));
  return render(reply, 'av-list', {
    title: '音像记录事项清单',
    agencyName,
    crumbs: disclosureCrumbs(),
    search,
    requirements: Object.entries(AV_REQUIREMENT_LABELS).map(([value, label]) => ({ value, label })),
    categories: AV_RECORD_CATEGORIES,
    items: itemOptions,
    groups: avGroups(shown, names, orders, page.highlight),
    total: shown.length,
    mandatory: shown.filter((r) => r.requirement === 'mandatory').length,
    filtered: Object.values(search).some((v) => v !== ''),
    preview: page.preview ?? null,
    noindex: page.preview !== undefined,
    pageQr: qr,
  });
}

/** 音像记录事项清单 (/av-list): the whole list grouped by 执法事项, filtered without JavaScript. */
export async function avListPages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/av-list', { schema: { hide: true } }, async (request, reply) => {
    const search: AvSearch = {
      q: queryText(request.query, 'q'),
      requirement: queryText(request.query, 'requirement'),
      category: queryText(request.query, 'category'),
      item: queryText(request.query, 'item'),
    };
    return renderAvList(request, reply, ctx, { rules: await allAvRules(ctx), search });
  });
}
