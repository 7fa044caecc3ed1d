import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { annualReportsPolicy, annualReportsRoutes } from './modules/annual-reports/index.js';
import { archivesPolicy, archivesRoutes, evaluationRoutes } from './modules/archives/index.js';
import { casesPolicy, casesRoutes } from './modules/cases/index.js';
import { catalogPolicy, catalogRoutes } from './modules/catalog/index.js';
import { documentsPolicy, documentsRoutes } from './modules/documents/index.js';
import { evidencePolicy, evidenceRoutes } from './modules/evidence/index.js';
import { inspectionEntitiesRoutes, inspectionsPolicy, inspectionsRoutes } from './modules/inspections/index.js';
import { officersPolicy, officersRoutes } from './modules/officers/index.js';
import { orgPolicy, orgRoutes, registerSessionHook } from './modules/org/index.js';
import { publicationsPolicy, publicationsRoutes } from './modules/publications/index.js';
import { reviewsPolicy, reviewsRoutes } from './modules/reviews/index.js';
import { statsPolicy, statsRoutes } from './modules/stats/index.js';
import { violationNoticesPolicy, violationNoticesRoutes } from './modules/violation-notices/index.js';
import { calendarPolicy, calendarRoutes } from './platform/calendar/index.js';
import { ping } from './platform/db/dialect.js';
import { consoleStatic } from './platform/http/console-static.js';
import type { AppContext } from './platform/http/context.js';
import { registerErrorMapper } from './platform/http/error-mapper.js';
import { ErrorSchema } from './platform/http/schemas.js';
import { registerValidators } from './platform/http/validators.js';
import { ledgerRoutes } from './platform/ledger/routes.js';
import { portalRoutes, renderPortalNotFound } from './portal/routes.js';

export type AppDeps = Omit<AppContext, 'policies'>;

/** Every module's policy set: the console's menu follows the permissions computed from these. */
const POLICIES = [
  orgPolicy,
  evidencePolicy,
  calendarPolicy,
  officersPolicy,
  catalogPolicy,
  casesPolicy,
  documentsPolicy,
  reviewsPolicy,
  publicationsPolicy,
  annualReportsPolicy,
  violationNoticesPolicy,
  inspectionsPolicy,
  archivesPolicy,
  statsPolicy,
];

/**
 * Builds the whole platform as one Fastify instance: external plugins, then platform, then modules,
 * then the portal. `main` listens on it; tests call `app.inject()`.
 */
export async function buildApp(deps: AppDeps, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const ctx: AppContext = { ...deps, policies: POLICIES };
  const app = Fastify({
    logger:
      options.logger === false ? false : { level: deps.config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerValidators(app);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd injects its CSS-in-JS as <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: deps.config.secureCookies,
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Sanxiang API', description: '三项制度执法平台接口', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sanxiang_session' } } },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerErrorMapper(app, { htmlNotFound: renderPortalNotFound });
  registerSessionHook(app, ctx);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: '健康检查',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]) }),
          503: ErrorSchema,
        },
      },
    },
    async (_request, reply) => {
      try {
        await ping(deps.db.kysely);
      } catch {
        return reply.status(503).send({ code: 'database_unavailable', message: '数据库不可用' });
      }
      return { status: 'ok' as const, database: deps.db.dialect };
    },
  );

  await app.register(async (scope) => ledgerRoutes(scope, ctx));
  await app.register(async (scope) => calendarRoutes(scope, ctx));
  await app.register(async (scope) => orgRoutes(scope, ctx));
  await app.register(async (scope) => evidenceRoutes(scope, ctx));
  await app.register(async (scope) => officersRoutes(scope, ctx));
  await app.register(async (scope) => catalogRoutes(scope, ctx));
  await app.register(async (scope) => documentsRoutes(scope, ctx));
  await app.register(async (scope) => casesRoutes(scope, ctx));
  await app.register(async (scope) => reviewsRoutes(scope, ctx));
  await app.register(async (scope) => publicationsRoutes(scope, ctx));
  await app.register(async (scope) => annualReportsRoutes(scope, ctx));
  await app.register(async (scope) => violationNoticesRoutes(scope, ctx));
  await app.register(async (scope) => inspectionsRoutes(scope, ctx));
  await app.register(async (scope) => inspectionEntitiesRoutes(scope, ctx));
  await app.register(async (scope) => archivesRoutes(scope, ctx));
  await app.register(async (scope) => evaluationRoutes(scope, ctx));
  await app.register(async (scope) => statsRoutes(scope, ctx));
  await app.register(consoleStatic, { dir: deps.config.consoleDir });
  await app.register(async (scope) => portalRoutes(scope, ctx));
  return app;
}
