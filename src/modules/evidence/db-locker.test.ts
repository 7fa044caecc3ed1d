import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { cleanUpExpiredUploads } from './cleanup.js';
import { DbLocker } from './db-locker.js';

const fast = { acquireTimeoutMs: 2_000, leaseMs: 1_000, renewEveryMs: 100, pollMs: 20 };

describeEachDialect('database upload locker', (ctx) => {
  const held: { unlock(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const lock of held.splice(0)) await lock.unlock();
  });

  // Two lockers on one database stand for two server processes.
  const twoProcesses = (options = fast) => [new DbLocker(ctx.db.kysely, options), new DbLocker(ctx.db.kysely, options)] as const;

  it('gives a lock to one holder at a time, and to the next once it is released', async () => {
    const [a, b] = twoProcesses();
    const first = a.newLock('u1');
    await first.lock(new AbortController().signal, () => undefined);
    const second = b.newLock('u1');
    const order: string[] = [];
    const waiting = second.lock(new AbortController().signal, () => undefined).then(() => order.push('second'));
    await new Promise((r) => setTimeout(r, 150));
    order.push('first released');
    await first.unlock();
    await waiting;
    held.push(second);
    expect(order).toEqual(['first released', 'second']);
  });

  it('asks the holder in another process to release, through the database', async () => {
    const [a, b] = twoProcesses();
    const first = a.newLock('u2');
    let asked = 0;
    await first.lock(new AbortController().signal, async () => {
      asked += 1;
      await first.unlock();
    });
    const second = b.newLock('u2');
    await second.lock(new AbortController().signal, () => undefined);
    held.push(second);
    expect(asked).toBe(1);
  });

  it('asks a holder in the same process directly', async () => {
    const [a] = twoProcesses();
    const first = a.newLock('u3');
    let asked = 0;
    await first.lock(new AbortController().signal, async () => {
      asked += 1;
      await first.unlock();
    });
    const started = Date.now();
    const second = a.newLock('u3');
    await second.lock(new AbortController().signal, () => undefined);
    held.push(second);
    expect(asked).toBe(1);
    expect(Date.now() - started).toBeLessThan(fast.renewEveryMs * 5);
  });

  it('takes over a lock whose holder died (lease expired) and times out on a live one', async () => {
    const [a, b] = twoProcesses();
    // A holder that never renews: its process is gone.
    const dead = new DbLocker(ctx.db.kysely, { ...fast, leaseMs: 300, renewEveryMs: 60_000 }).newLock('u4');
    await dead.lock(new AbortController().signal, () => undefined);
    const next = b.newLock('u4');
    await next.lock(new AbortController().signal, () => undefined);
    held.push(next);

    const live = a.newLock('u5');
    await live.lock(new AbortController().signal, () => undefined);
    held.push(live);
    const impatient = new DbLocker(ctx.db.kysely, { ...fast, acquireTimeoutMs: 300 }).newLock('u5');
    await expect(impatient.lock(new AbortController().signal, () => undefined)).rejects.toMatchObject({ status_code: 500 });
    const cancelled = new AbortController();
    setTimeout(() => cancelled.abort(), 50);
    await expect(b.newLock('u5').lock(cancelled.signal, () => undefined)).rejects.toMatchObject({ status_code: 500 });
  });

  it('the cleanup removes locks left by dead processes', async () => {
    const dead = new DbLocker(ctx.db.kysely, { ...fast, leaseMs: 1, renewEveryMs: 60_000 }).newLock('u6');
    await dead.lock(new AbortController().signal, () => undefined);
    await new Promise((r) => setTimeout(r, 10));
    const result = await cleanUpExpiredUploads(ctx.db.kysely, '/nonexistent-sanxiang-dir');
    expect(result.locks).toBeGreaterThanOrEqual(1);
    const left = await ctx.db.kysely.selectFrom('upload_locks').select('upload_id').where('upload_id', '=', 'u6').execute();
    expect(left).toEqual([]);
  });
});
