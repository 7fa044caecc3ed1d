import type { Config } from '../../config.js';
import type { Actor } from '../auth/actor.js';
import type { PolicySet } from '../auth/policy.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { NoteSigner } from '../crypto/signers.js';
import type { Db } from '../db/connect.js';

/** What route modules receive from the app factory. */
export interface AppContext {
  readonly config: Config;
  readonly db: Db;
  /** Signs CSRF tokens; from configuration or the data dir. */
  readonly secret: string;
  /** Every module's policy set, for `GET /api/me` permissions. */
  readonly policies: readonly PolicySet[];
  /** Content-addressed storage for evidence and documents. */
  readonly blobs: BlobStore;
  /** The ledger's origin line and checkpoint signers. */
  readonly ledger: { readonly origin: string; readonly signers: readonly NoteSigner[] };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is making the request: a signed-in user or an anonymous visitor. Set for every request. */
    actor: Actor;
  }
}

export const SESSION_COOKIE = 'sanxiang_session';
export const CSRF_HEADER = 'x-csrf-token';
