import { request } from './client';
import type { DomainEvent, Me, Page, PageQuery, Role, Unit, UnitKind, User, UserStatus } from './types';

/** One typed function per API call, so pages never spell URLs or HTTP methods themselves. */

// --- session ---------------------------------------------------------------

export function login(username: string, password: string): Promise<Me> {
  return request<Me>('POST', '/api/auth/login', { body: { username, password }, noAuthRedirect: true });
}

export function logout(): Promise<void> {
  return request<void>('POST', '/api/auth/logout', { noAuthRedirect: true });
}

export function getMe(): Promise<Me> {
  return request<Me>('GET', '/api/me', { noAuthRedirect: true });
}

export function changeMyPassword(currentPassword: string, newPassword: string): Promise<void> {
  return request<void>('POST', '/api/me/password', { body: { currentPassword, newPassword } });
}

export function listMyEvents(query: PageQuery): Promise<Page<DomainEvent>> {
  return request<Page<DomainEvent>>('GET', '/api/me/events', { query: { ...query } });
}

// --- events ----------------------------------------------------------------

export interface EventQuery extends PageQuery {
  type?: string;
  actorId?: string;
  subjectType?: string;
  subjectId?: string;
}

export function listEvents(query: EventQuery): Promise<Page<DomainEvent>> {
  return request<Page<DomainEvent>>('GET', '/api/events', { query: { ...query } });
}

// --- roles and users -------------------------------------------------------

export function listRoles(): Promise<{ items: Role[] }> {
  return request<{ items: Role[] }>('GET', '/api/roles');
}

export interface UserQuery extends PageQuery {
  q?: string;
  unitId?: string;
  role?: string;
  status?: UserStatus;
}

export function listUsers(query: UserQuery): Promise<Page<User>> {
  return request<Page<User>>('GET', '/api/users', { query: { ...query } });
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  unitId: string;
  roles: string[];
  /** Left out: the server generates one and returns it once as `initialPassword`. */
  password?: string;
}

export function createUser(input: CreateUserInput): Promise<{ user: User; initialPassword: string | null }> {
  return request<{ user: User; initialPassword: string | null }>('POST', '/api/users', { body: input });
}

export interface UpdateUserInput {
  displayName?: string;
  unitId?: string;
  roles?: string[];
  status?: UserStatus;
}

export function updateUser(id: string, input: UpdateUserInput): Promise<User> {
  return request<User>('PATCH', `/api/users/${encodeURIComponent(id)}`, { body: input });
}

export function resetUserPassword(id: string): Promise<{ temporaryPassword: string }> {
  return request<{ temporaryPassword: string }>('POST', `/api/users/${encodeURIComponent(id)}/reset-password`);
}

// --- units -----------------------------------------------------------------

export function listUnits(): Promise<{ items: Unit[] }> {
  return request<{ items: Unit[] }>('GET', '/api/units');
}

export interface CreateUnitInput {
  name: string;
  parentId: string;
  kind: UnitKind;
  sortOrder?: number;
}

export function createUnit(input: CreateUnitInput): Promise<Unit> {
  return request<Unit>('POST', '/api/units', { body: input });
}

export function updateUnit(id: string, input: { name?: string; sortOrder?: number }): Promise<Unit> {
  return request<Unit>('PATCH', `/api/units/${encodeURIComponent(id)}`, { body: input });
}
