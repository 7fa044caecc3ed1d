import type { FastifyReply } from 'fastify';
import { getPublicEntry, type KindDef, listPublicItems, type PublicEntryDetail } from '../modules/catalog/index.js';
import { AppError, notFound } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import type { ItemNames } from './disclosure-views.js';
import { agencyNameOf, allPages, type Crumb, disclosureCrumbs, queryText, render } from './page-kit.js';

// Helpers of the pages that show one catalogue entry (裁量基准, 公示牌) publicly or as a staff preview.

/** What the layout's 「预览」 banner says about the version shown. */
export interface PreviewInfo {
  status: string;
  statusLabel: string;
  versionNo: number;
  updatedAtText: string;
  /** Where the entry is (or will be) public. */
  publicPath: string;
}

/** `?version=`: undefined when absent (the current version), null when not a version number. */
export function versionParam(query: unknown): number | undefined | null {
  const text = queryText(query, 'version', 16);
  if (text === '') return undefined;
  return /^[1-9][0-9]{0,5}$/.test(text) ? Number(text) : null;
}

/** The current (or `?version=`) published version of an entry, or the message of the 404 page. */
export async function publicEntryOrMessage<D extends { unitId: string }>(
  ctx: AppContext,
  def: KindDef<D>,
  code: string,
  query: unknown,
): Promise<PublicEntryDetail<D> | string> {
  const version = versionParam(query);
  try {
    if (version === null) throw notFound('version_not_found', `${def.label}「${code}」没有这个版本`);
    return await getPublicEntry(ctx.db.kysely, def, code, version);
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') return error.message;
    throw error;
  }
}

/** Names of the published 执法事项 by code: pages link an item only when its guide is public. */
export async function publishedItemNames(ctx: AppContext): Promise<ItemNames> {
  const items = await allPages((page, pageSize) => listPublicItems(ctx.db.kysely, { page, pageSize }));
  return new Map(items.map((i) => [i.code, i.name]));
}

/** The 404 page of an unknown code (or version), pointing back to its list. */
export async function renderMissing(
  reply: FastifyReply,
  ctx: AppContext,
  page: { title: string; code: string; message: string; list: Crumb },
): Promise<FastifyReply> {
  return render(
    reply,
    'entry-missing',
    { ...page, agencyName: await agencyNameOf(ctx), crumbs: disclosureCrumbs(page.list), noindex: true },
    404,
  );
}
