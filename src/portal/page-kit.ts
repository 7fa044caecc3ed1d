import path from 'node:path';
import { Eta } from 'eta';
import type { FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { listPublicUnits } from '../modules/org/index.js';
import type { AppContext } from '../platform/http/context.js';
import { PROJECT_ROOT } from '../platform/paths.js';

// What every portal page shares: the template engine, the agency name, dates, QR codes and lenient query parsing.

export const eta = new Eta({ views: path.join(PROJECT_ROOT, 'src/portal/templates'), cache: true, autoEscape: true });

export function render(reply: FastifyReply, template: string, data: Record<string, unknown>, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(eta.render(template, data));
}

export async function agencyNameOf(ctx: AppContext): Promise<string> {
  return (await listPublicUnits(ctx.db.kysely)).find((u) => u.parentId === null)?.name ?? '行政执法机关';
}

/** Dates and times on the portal are Beijing time, whatever the server's time zone. */
export const shanghaiDate = (iso: string): string => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
export const shanghaiTime = (iso: string): string => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** The page's own absolute address, for the QR code printed on it. */
export function absoluteUrl(request: FastifyRequest, pathname: string): string {
  return `${request.protocol}://${request.host}${pathname}`;
}

/** The one QR code renderer of the portal: an inline SVG (no script, no image request) of `url`. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

export interface PageQr {
  url: string;
  svg: string;
}

/** The small QR code the layout shows at the foot of a page (and on its printout). */
export async function pageQr(request: FastifyRequest, pathname: string): Promise<PageQr> {
  const url = absoluteUrl(request, pathname);
  return { url, svg: await qrSvg(url) };
}

export interface Crumb {
  href: string;
  label: string;
}

/** Breadcrumbs of a page under 行政执法公示 (the page's own title is added by the layout). */
export const disclosureCrumbs = (...more: Crumb[]): Crumb[] => [
  { href: '/', label: '首页' },
  { href: '/disclosure', label: '行政执法公示' },
  ...more,
];

/**
 * One query value as text: the first when repeated, control characters removed, trimmed and cut to
 * `max`. Query values are never rejected: a value that matches nothing gives a page without results.
 */
export function queryText(query: unknown, key: string, max = 64): string {
  const raw = query !== null && typeof query === 'object' ? (query as Record<string, unknown>)[key] : undefined;
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? withoutControls(value).trim().slice(0, max) : '';
}

const isControl = (c: string): boolean => {
  const code = c.codePointAt(0) ?? 0;
  return code <= 0x1f || code === 0x7f;
};

/** Text without control characters: PostgreSQL refuses NUL in text, and none belongs in a search. */
export const withoutControls = (text: string): string =>
  Array.from(text)
    .filter((c) => !isControl(c))
    .join('');

/** A code from the path, control characters shown as U+FFFD: it then matches nothing and the page is a 404. */
export const codeText = (text: string): string =>
  Array.from(text)
    .map((c) => (isControl(c) ? '\uFFFD' : c))
    .join('');

/** A page number from the query: 1 unless a positive integer (out-of-range pages show no rows). */
export function queryPage(query: unknown): number {
  const text = queryText(query, 'page', 16);
  return /^[1-9][0-9]{0,6}$/.test(text) ? Number(text) : 1;
}

/** A path parameter as text ('' when absent). */
export function pathParam(params: unknown, key: string): string {
  const value = params !== null && typeof params === 'object' ? (params as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? codeText(value) : '';
}

/** `base?k=v…` without empty values. */
export function withQuery(base: string, values: Readonly<Record<string, string>>): string {
  const params = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== ''));
  const text = params.toString();
  return text === '' ? base : `${base}?${text}`;
}

/** Every row of a paginated public list, a page at a time (the public lists are short). */
export async function allPages<T>(fetch: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const pageSize = 200;
  const rows: T[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await fetch(page, pageSize);
    rows.push(...items);
    if (items.length < pageSize || rows.length >= total) return rows;
  }
}
