import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { UserActor } from '../../platform/auth/actor.js';
import { authorize, permissionsOf, requireUser } from '../../platform/auth/policy.js';
import { ROLES, roleLabel } from '../../platform/auth/roles.js';
import { csrfTokenFor } from '../../platform/auth/tokens.js';
import { listEvents } from '../../platform/events/list-events.js';
import { type AppContext, SESSION_COOKIE } from '../../platform/http/context.js';
import { commonErrors, ErrorSchema, IdParams, Page } from '../../platform/http/schemas.js';
import { login, logout } from './auth-service.js';
import { can } from './policy.js';
import * as s from './schemas.js';
import { createUnit, listUnits, updateUnit } from './units-service.js';
import { changeOwnPassword, createUser, getUser, listUsers, resetPassword, updateUser } from './users-service.js';

/** HTTP routes of the org module: sign-in, the current user, users, units, roles and the event log. */
export async function orgRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const sessionPolicy = { idleMinutes: ctx.config.sessionIdleMinutes, absoluteHours: ctx.config.sessionAbsoluteHours };

  const meOf = async (actor: UserActor) => {
    const user = await getUser(db, actor, actor.userId);
    // 上次登录: the newest sign-in other than this session's, so people notice logins that were not theirs.
    const logins = await listEvents(db, { type: 'auth.logged_in', actorId: actor.userId, offset: 0, limit: 2 });
    const previous = logins.items.find((e) => e.data.sessionId !== actor.sessionId);
    return {
      user,
      previousLoginAt: previous?.occurredAt ?? null,
      unit: { id: actor.unitId, name: user.unitName, path: actor.unitPath },
      roles: actor.roles.map((code) => ({ code, label: roleLabel(code) })),
      permissions: permissionsOf(actor, ctx.policies),
      csrfToken: csrfTokenFor(ctx.secret, actor.sessionId ?? ''),
    };
  };

  app.post(
    '/api/auth/login',
    { schema: { tags: ['auth'], summary: '登录', body: s.LoginBody, response: { 200: s.MeSchema, ...commonErrors } } },
    async (request, reply) => {
      const result = await login(db, sessionPolicy, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.secureCookies,
        maxAge: ctx.config.sessionAbsoluteHours * 3600,
      });
      return meOf(result.actor);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 204: Type.Null(), ...commonErrors } } },
    async (request, reply) => {
      await logout(db, requireUser(request.actor));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    { schema: { tags: ['auth'], summary: '当前用户', response: { 200: s.MeSchema, 401: ErrorSchema } } },
    async (request) => meOf(requireUser(request.actor)),
  );

  app.post(
    '/api/me/password',
    { schema: { tags: ['auth'], summary: '修改本人密码', body: s.ChangePasswordBody, response: { 204: Type.Null(), ...commonErrors } } },
    async (request, reply) => {
      await changeOwnPassword(db, request.actor, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me/events',
    {
      schema: {
        tags: ['auth'],
        summary: '本人最近操作',
        querystring: s.ListEventsQuery,
        response: { 200: Page(s.EventSchema), ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { page, pageSize } = request.query;
      const result = await listEvents(db, {
        actorId: actor.userId,
        type: request.query.type,
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      return { ...result, page, pageSize };
    },
  );

  app.get(
    '/api/events',
    {
      schema: {
        tags: ['events'],
        summary: '操作日志',
        querystring: s.ListEventsQuery,
        response: { 200: Page(s.EventSchema), ...commonErrors },
      },
    },
    async (request) => {
      requireUser(request.actor);
      authorize(can(request.actor, 'event.list_all'));
      const { page, pageSize, ...filter } = request.query;
      const result = await listEvents(db, { ...filter, offset: (page - 1) * pageSize, limit: pageSize });
      return { ...result, page, pageSize };
    },
  );

  app.get(
    '/api/roles',
    { schema: { tags: ['org'], summary: '角色', response: { 200: Type.Object({ items: Type.Array(s.RoleSchema) }), ...commonErrors } } },
    async (request) => {
      requireUser(request.actor);
      return { items: ROLES.map((r) => ({ ...r })) };
    },
  );

  app.get(
    '/api/users',
    {
      schema: { tags: ['org'], summary: '用户列表', querystring: s.ListUsersQuery, response: { 200: Page(s.UserSchema), ...commonErrors } },
    },
    async (request) => listUsers(db, request.actor, request.query),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['org'],
        summary: '新增用户',
        body: s.CreateUserBody,
        response: { 201: Type.Object({ user: s.UserSchema, initialPassword: Type.Union([Type.String(), Type.Null()]) }), ...commonErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(db, request.actor, request.body)),
  );

  app.get(
    '/api/users/:id',
    { schema: { tags: ['org'], summary: '用户详情', params: IdParams, response: { 200: s.UserSchema, ...commonErrors } } },
    async (request) => getUser(db, request.actor, request.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['org'],
        summary: '修改用户',
        params: IdParams,
        body: s.UpdateUserBody,
        response: { 200: s.UserSchema, ...commonErrors },
      },
    },
    async (request) => updateUser(db, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags: ['org'],
        summary: '重置密码',
        params: IdParams,
        response: { 200: Type.Object({ temporaryPassword: Type.String() }), ...commonErrors },
      },
    },
    async (request) => resetPassword(db, request.actor, request.params.id),
  );

  app.get(
    '/api/units',
    {
      schema: {
        tags: ['org'],
        summary: '机构列表(树序)',
        response: { 200: Type.Object({ items: Type.Array(s.UnitSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: await listUnits(db, request.actor) }),
  );

  app.post(
    '/api/units',
    { schema: { tags: ['org'], summary: '新增机构', body: s.CreateUnitBody, response: { 201: s.UnitSchema, ...commonErrors } } },
    async (request, reply) => reply.status(201).send(await createUnit(db, request.actor, request.body)),
  );

  app.patch(
    '/api/units/:id',
    {
      schema: {
        tags: ['org'],
        summary: '修改机构',
        params: IdParams,
        body: s.UpdateUnitBody,
        response: { 200: s.UnitSchema, ...commonErrors },
      },
    },
    async (request) => updateUnit(db, request.actor, request.params.id, request.body),
  );
}
