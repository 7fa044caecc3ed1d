import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { systemActor } from '../auth/actor.js';
import { inTransaction } from '../db/transaction.js';
import { listEvents } from './list-events.js';
import { recordEvent } from './record-event.js';

describeEachDialect('recordEvent', (ctx) => {
  it('writes the event with its actor, subject and canonical data, in order', async () => {
    const actor = systemActor('test');
    await inTransaction(ctx.db.kysely, async (trx) => {
      await recordEvent(trx, actor, { type: 'demo.first', subject: { type: 'demo', id: 'd1' }, data: { z: 1, a: '甲' } });
      await recordEvent(trx, actor, { type: 'demo.second', subject: { type: 'demo', id: 'd1' } });
    });
    const { items, total } = await listEvents(ctx.db.kysely, { subjectType: 'demo', subjectId: 'd1', offset: 0, limit: 10 });
    expect(total).toBe(2);
    expect(items.map((e) => e.type)).toEqual(['demo.second', 'demo.first']);
    expect(items[1]).toMatchObject({ actorType: 'system', actorName: 'system:test', actorId: null, data: { a: '甲', z: 1 } });
    const raw = await ctx.db.kysely.selectFrom('events').select('data').where('type', '=', 'demo.first').executeTakeFirstOrThrow();
    expect(raw.data).toBe('{"a":"甲","z":1}');
    expect((items[0]?.seq ?? 0) > (items[1]?.seq ?? 0)).toBe(true);
    // Consecutive ledger entries, in the order they were recorded.
    expect(items[0]?.ledgerIndex).toBe((items[1]?.ledgerIndex ?? -2) + 1);
  });

  it('disappears with its transaction when the change fails', async () => {
    const actor = systemActor('test');
    await expect(
      inTransaction(ctx.db.kysely, async (trx) => {
        await recordEvent(trx, actor, { type: 'demo.rolled_back', subject: { type: 'demo', id: 'd2' } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await listEvents(ctx.db.kysely, { type: 'demo.rolled_back', offset: 0, limit: 10 })).total).toBe(0);
  });

  it('filters by type prefix', async () => {
    const actor = systemActor('test');
    await inTransaction(ctx.db.kysely, (trx) => recordEvent(trx, actor, { type: 'prefix_test.one', subject: { type: 'demo', id: 'd3' } }));
    await inTransaction(ctx.db.kysely, (trx) => recordEvent(trx, actor, { type: 'prefix_testx.two', subject: { type: 'demo', id: 'd3' } }));
    const { items } = await listEvents(ctx.db.kysely, { type: 'prefix_test.', offset: 0, limit: 10 });
    expect(items.map((e) => e.type)).toEqual(['prefix_test.one']);
  });
});
