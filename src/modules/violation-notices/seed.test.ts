import { expect, it } from 'vitest';
import { testDeps } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { seedDemoAgency } from '../../demo-seed.js';
import { getPublicList, listPublicBatches } from './read-service.js';
import { seedViolationNoticesDemo } from './seed.js';

describeEachDialect('violation notices demo seed', (ctx) => {
  it('publishes one quarterly list with the closed social-insurance case, once', async () => {
    const deps = testDeps(ctx.db);
    expect(await seedDemoAgency(ctx.db.kysely, deps.blobs, deps.ledger)).toBe(true);
    const batches = await listPublicBatches(ctx.db.kysely);
    expect(batches).toHaveLength(1);
    const [batch] = batches;
    const list = await getPublicList(ctx.db.kysely, batch?.year ?? 0, batch?.quarter ?? 0);
    expect(list.entries).toEqual([
      expect.objectContaining({ no: 1, subjectName: '石嘴山市某商贸有限公司', category: 'social_insurance', responsiblePerson: '刘某' }),
    ]);
    expect(list.entries[0]?.facts).toContain('社会保险费');
    expect(await seedViolationNoticesDemo(ctx.db.kysely)).toBe(false);
    expect(await listPublicBatches(ctx.db.kysely)).toHaveLength(1);
  });
});
