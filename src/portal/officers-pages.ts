import path from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Eta } from 'eta';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { Type } from 'typebox';
import { type CertificateCheck, listPublicRoster, verifyCertificate } from '../modules/officers/index.js';
import { listPublicUnits } from '../modules/org/index.js';
import { AppError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import { PROJECT_ROOT } from '../platform/paths.js';

const eta = new Eta({ views: path.join(PROJECT_ROOT, 'src/portal/templates'), cache: true, autoEscape: true });
const PAGE_SIZE = 20;

/** Badge colour class of each public status. */
const BADGE: Readonly<Record<string, string>> = { 有效: 'ok', 已过期: 'bad', 暂扣: 'warn', 注销: 'bad', 未生效: 'warn' };

const Search = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 64 })),
  unit: Type.Optional(Type.String({ maxLength: 64 })),
  category: Type.Optional(Type.String({ maxLength: 64 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
});

function render(reply: FastifyReply, template: string, data: Record<string, unknown>, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(eta.render(template, data));
}

async function agencyNameOf(ctx: AppContext): Promise<string> {
  return (await listPublicUnits(ctx.db.kysely)).find((u) => u.parentId === null)?.name ?? '行政执法机关';
}

const shanghaiTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** The page's own absolute address, for the QR code printed on it. */
function absoluteUrl(request: FastifyRequest, pathname: string): string {
  return `${request.protocol}://${request.host}${pathname}`;
}

/** 行政执法人员清单 (/roster) and 执法证件核验 (/verify): server-rendered, no JavaScript. */
export async function officersPages(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  app.get('/roster', { schema: { hide: true, querystring: Search } }, async (request, reply) => {
    const { page = 1, ...filter } = request.query;
    const search = { name: filter.name?.trim() ?? '', unit: filter.unit?.trim() ?? '', category: filter.category?.trim() ?? '' };
    const [agencyName, roster] = await Promise.all([agencyNameOf(ctx), listPublicRoster(db, { ...search, page, pageSize: PAGE_SIZE })]);
    const pages = Math.max(1, Math.ceil(roster.total / PAGE_SIZE));
    const pageUrl = (n: number) => {
      const params = new URLSearchParams(Object.entries({ ...search, page: String(n) }).filter(([, v]) => v !== ''));
      return `/roster?${params.toString()}`;
    };
    return render(reply, 'roster', {
      title: '行政执法人员清单',
      agencyName,
      search,
      roster: {
        ...roster,
        version: roster.version && { ...roster.version, publishedAtText: shanghaiTime(roster.version.publishedAt) },
      },
      pages,
      prevUrl: page > 1 ? pageUrl(page - 1) : null,
      nextUrl: page < pages ? pageUrl(page + 1) : null,
      filtered: search.name !== '' || search.unit !== '' || search.category !== '',
    });
  });

  app.get(
    '/verify',
    { schema: { hide: true, querystring: Type.Object({ certificateNo: Type.Optional(Type.String({ maxLength: 64 })) }) } },
    async (request, reply) => {
      const no = request.query.certificateNo?.trim() ?? '';
      if (no !== '') return reply.redirect(`/verify/${encodeURIComponent(no)}`, 303);
      return render(reply, 'officer-verify', {
        title: '执法证件核验',
        agencyName: await agencyNameOf(ctx),
        check: null,
        certificateNo: '',
      });
    },
  );

  app.get(
    '/verify/:certificateNo',
    { schema: { hide: true, params: Type.Object({ certificateNo: Type.String({ minLength: 1, maxLength: 64 }) }) } },
    async (request, reply) => {
      const certificateNo = request.params.certificateNo.trim();
      const agencyName = await agencyNameOf(ctx);
      let check: CertificateCheck;
      try {
        check = await verifyCertificate(db, certificateNo);
      } catch (error) {
        if (!(error instanceof AppError) || error.kind !== 'not_found') throw error;
        return render(reply, 'officer-verify', { title: '执法证件核验', agencyName, check: null, certificateNo, notFound: true }, 404);
      }
      const url = absoluteUrl(request, `/verify/${encodeURIComponent(check.certificateNo)}`);
      const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      reply.header('cache-control', 'no-store');
      return render(reply, 'officer-verify', {
        title: `执法证件核验:${check.certificateNo}`,
        agencyName,
        check,
        certificateNo,
        badge: BADGE[check.status] ?? 'bad',
        url,
        qrSvg,
      });
    },
  );
}
