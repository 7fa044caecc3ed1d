import type { Role } from './roles.js';

/** Who is acting. Every service call and every recorded event carries one. */
export type Actor = UserActor | SystemActor | AnonymousActor;

export interface UserActor {
  readonly kind: 'user';
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly unitId: string;
  readonly unitPath: string;
  readonly roles: readonly Role[];
  readonly sessionId?: string;
  readonly requestId?: string;
}

/** The platform itself: CLI commands, seeding, scheduled jobs. */
export interface SystemActor {
  readonly kind: 'system';
  readonly name: string;
}

/** An unauthenticated visitor, e.g. a login attempt. */
export interface AnonymousActor {
  readonly kind: 'anonymous';
  readonly requestId?: string;
}

export const systemActor = (name: string): SystemActor => ({ kind: 'system', name });
