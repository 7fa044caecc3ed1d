import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { type CertificateCheck, listPublicRoster, verifyCertificate } from '../modules/officers/index.js';
import { AppError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import { absoluteUrl, agencyNameOf, codeText, disclosureCrumbs, pageQr, qrSvg, render, shanghaiTime, withoutControls } from './page-kit.js';

const PAGE_SIZE = 20;

/** Badge colour class of each public status. */
const BADGE: Readonly<Record<string, string>> = { 有效: 'ok', 已过期: 'bad', 暂扣: 'warn', 注销: 'bad', 未生效: 'warn' };

const Search = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 64 })),
  unit: Type.Optional(Type.String({ maxLength: 64 })),
  category: Type.Optional(Type.String({ maxLength: 64 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
});

const ROSTER = { href: '/roster', label: '行政执法人员清单' };

/** 行政执法人员清单 (/roster) and 执法证件核验 (/verify): server-rendered, no JavaScript. */
export async function officersPages(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  app.get('/roster', { schema: { hide: true, querystring: Search } }, async (request, reply) => {
    const { page = 1, ...filter } = request.query;
    const text = (value: string | undefined) => withoutControls(value ?? '').trim();
    const search = { name: text(filter.name), unit: text(filter.unit), category: text(filter.category) };
    const [agencyName, roster, qr] = await Promise.all([
      agencyNameOf(ctx),
      listPublicRoster(db, { ...search, page, pageSize: PAGE_SIZE }),
      pageQr(request, '/roster'),
    ]);
    const pages = Math.max(1, Math.ceil(roster.total / PAGE_SIZE));
    const pageUrl = (n: number) => {
      const params = new URLSearchParams(Object.entries({ ...search, page: String(n) }).filter(([, v]) => v !== ''));
      return `/roster?${params.toString()}`;
    };
    return render(reply, 'roster', {
      title: '行政执法人员清单',
      agencyName,
      crumbs: disclosureCrumbs(),
      search,
      roster: {
        ...roster,
        version: roster.version && { ...roster.version, publishedAtText: shanghaiTime(roster.version.publishedAt) },
      },
      pages,
      prevUrl: page > 1 ? pageUrl(page - 1) : null,
      nextUrl: page < pages ? pageUrl(page + 1) : null,
      filtered: search.name !== '' || search.unit !== '' || search.category !== '',
      pageQr: qr,
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
        crumbs: disclosureCrumbs(ROSTER),
        check: null,
        certificateNo: '',
      });
    },
  );

  app.get(
    '/verify/:certificateNo',
    { schema: { hide: true, params: Type.Object({ certificateNo: Type.String({ minLength: 1, maxLength: 64 }) }) } },
    async (request, reply) => {
      const certificateNo = codeText(request.params.certificateNo).trim();
      const agencyName = await agencyNameOf(ctx);
      let check: CertificateCheck;
      try {
        check = await verifyCertificate(db, certificateNo);
      } catch (error) {
        if (!(error instanceof AppError) || error.kind !== 'not_found') throw error;
        const page = { title: '执法证件核验', agencyName, crumbs: disclosureCrumbs(ROSTER), check: null, certificateNo, notFound: true };
        return render(reply, 'officer-verify', page, 404);
      }
      const url = absoluteUrl(request, `/verify/${encodeURIComponent(check.certificateNo)}`);
      const svg = await qrSvg(url);
      reply.header('cache-control', 'no-store');
      return render(reply, 'officer-verify', {
        title: `执法证件核验:${check.certificateNo}`,
        crumbTitle: '执法证件核验',
        agencyName,
        crumbs: disclosureCrumbs(ROSTER),
        check,
        certificateNo,
        badge: BADGE[check.status] ?? 'bad',
        url,
        qrSvg: svg,
      });
    },
  );
}
