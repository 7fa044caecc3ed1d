import type { FastifyInstance, FastifyRequest } from 'fastify';
import { csrfTokenFor, safeEqual } from '../../platform/auth/tokens.js';
import { forbidden } from '../../platform/errors.js';
import { type AppContext, CSRF_HEADER, SESSION_COOKIE } from '../../platform/http/context.js';
import { resolveSession } from './auth-service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Pages outside the API that show staff-only content (previews of unpublished catalogue drafts). */
const STAFF_PAGES = '/preview/';

/**
 * Turns the session cookie into `request.actor` for API requests and staff pages, and protects cookie-authenticated
 * writes against CSRF: a cross-site Origin is refused outright, and a signed-in write must carry
 * the session's CSRF token in a header that another site cannot set.
 */
export function registerSessionHook(app: FastifyInstance, ctx: AppContext): void {
  const policy = { idleMinutes: ctx.config.sessionIdleMinutes, absoluteHours: ctx.config.sessionAbsoluteHours };
  app.addHook('onRequest', async (request) => {
    request.actor = { kind: 'anonymous', requestId: request.id };
    const unsafe = !SAFE_METHODS.has(request.method);
    if (!request.url.startsWith('/api/') && !(request.url.startsWith(STAFF_PAGES) && !unsafe)) return;
    if (unsafe && !sameOrigin(request)) throw forbidden('cross_origin_request', '拒绝跨站请求');
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const actor = await resolveSession(ctx.db.kysely, policy, token, request.id);
    if (!actor) return;
    if (unsafe) {
      const sent = request.headers[CSRF_HEADER];
      const expected = csrfTokenFor(ctx.secret, actor.sessionId ?? '');
      if (typeof sent !== 'string' || !safeEqual(sent, expected)) {
        throw forbidden('csrf_token_invalid', '请求缺少有效的安全令牌,请刷新页面后重试');
      }
    }
    request.actor = actor;
  });
}

/** Browsers send Origin on cross-site writes; when present it must name this host. */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
