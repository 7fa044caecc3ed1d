import { expect, it } from 'vitest';
import { TEST_SIGNERS } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { makeUnit } from '../../../test/support/factories.js';
import { verifierOf } from '../crypto/signers.js';
import { sequenceUnledgeredEvents } from './catch-up.js';
import { createCheckpoint } from './checkpoints.js';
import { verifyLedger } from './verify.js';

describeEachDialect('events from before the ledger', (ctx) => {
  it('get ledger entries in their original order, after which verify passes', async () => {
    await makeUnit(ctx.db.kysely);
    // An event row as an earlier release wrote it: no ledger entry.
    await ctx.db.kysely
      .insertInto('events')
      .values({
        id: 'legacy-1',
        occurred_at: '2026-01-05T02:00:00.000Z',
        type: 'user.created',
        subject_type: 'user',
        subject_id: 'u-legacy',
        actor_type: 'system',
        actor_id: null,
        actor_name: 'system:seed-demo',
        unit_id: null,
        data: '{}',
        request_id: null,
        ledger_index: null,
      })
      .execute();
    const before = await verifyLedger(ctx.db.kysely, { origin: 'sanxiang.local/ledger', verifiers: TEST_SIGNERS.map(verifierOf) });
    expect(before.failures).toContain('event legacy-1: has no ledger entry');
    expect(await sequenceUnledgeredEvents(ctx.db.kysely)).toBe(1);
    expect(await sequenceUnledgeredEvents(ctx.db.kysely)).toBe(0);
    await createCheckpoint(ctx.db.kysely, 'sanxiang.local/ledger', TEST_SIGNERS);
    const after = await verifyLedger(ctx.db.kysely, { origin: 'sanxiang.local/ledger', verifiers: TEST_SIGNERS.map(verifierOf) });
    expect(after.failures).toEqual([]);
  });
});
