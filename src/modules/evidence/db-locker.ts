import { randomUUID } from 'node:crypto';
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/server';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { releaseLock, renewLock, requestLockRelease, tryAcquireLock } from './upload-locks-repository.js';

export interface DbLockerOptions {
  /** How long to wait for a lock before giving up (tus answers 500, the client retries). */
  readonly acquireTimeoutMs?: number;
  /** Lease of a held lock; a holder that stops renewing (a dead process) loses it after this. */
  readonly leaseMs?: number;
  /** How often a holder renews its lease and looks for release requests. */
  readonly renewEveryMs?: number;
  /** How often a waiting request tries again. */
  readonly pollMs?: number;
}

/**
 * A tus Locker shared by every process on the database: a row in `upload_locks` per held upload.
 * Acquiring inserts the row, or takes it over once its lease has expired; releasing deletes it.
 * A waiter asks the holder to let go (tus `requestRelease`, so a resumed upload takes over from a
 * stalled PATCH): directly when the holder is in this process, through the row's
 * `release_requested` flag otherwise, which the holder reads each time it renews its lease.
 */
export class DbLocker implements Locker {
  readonly options: Required<DbLockerOptions>;
  /** Locks held by this process, so a waiter here can reach their requestRelease at once. */
  readonly local = new Map<string, { holder: string; requestRelease: RequestRelease }>();

  constructor(
    readonly db: Kysely<Database>,
    options: DbLockerOptions = {},
  ) {
    this.options = { acquireTimeoutMs: 30_000, leaseMs: 20_000, renewEveryMs: 3_000, pollMs: 100, ...options };
  }

  newLock(id: string): Lock {
    return new DbLock(this, id);
  }
}

class DbLock implements Lock {
  private readonly holder = `${process.pid}:${randomUUID()}`;
  private renewal: NodeJS.Timeout | undefined;

  constructor(
    private readonly locker: DbLocker,
    private readonly id: string,
  ) {}

  async lock(signal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const { db, options } = this.locker;
    const deadline = Date.now() + options.acquireTimeoutMs;
    let asked = false;
    for (;;) {
      if (signal.aborted || Date.now() > deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      if (await tryAcquireLock(db, this.id, this.holder, new Date(), options.leaseMs)) break;
      if (!asked) {
        asked = true;
        const here = this.locker.local.get(this.id);
        if (here) await here.requestRelease();
        else await requestLockRelease(db, this.id);
      }
      await sleep(options.pollMs, signal);
    }
    this.locker.local.set(this.id, { holder: this.holder, requestRelease });
    this.startRenewing(requestRelease);
  }

  async unlock(): Promise<void> {
    clearInterval(this.renewal);
    this.renewal = undefined;
    if (this.locker.local.get(this.id)?.holder === this.holder) this.locker.local.delete(this.id);
    await releaseLock(this.locker.db, this.id, this.holder);
  }

  private startRenewing(requestRelease: RequestRelease): void {
    const { db, options } = this.locker;
    let released = false;
    const renew = async () => {
      const state = await renewLock(db, this.id, this.holder, new Date(), options.leaseMs);
      // Lost (taken over after expiry) or asked to let go: tell tus once; it ends the request and unlocks.
      if (!released && (state === undefined || state.releaseRequested)) {
        released = true;
        await requestRelease();
      }
    };
    this.renewal = setInterval(() => {
      renew().catch(() => undefined);
    }, options.renewEveryMs);
    this.renewal.unref();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
