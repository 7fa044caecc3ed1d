import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { testDeps } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { runDrawVerify } from '../../cli/draw-command.js';
import { seedDemoAgency } from '../../demo-seed.js';
import { verifyBundle } from '../../platform/draw/index.js';
import { drawBundle, listPublicPlans, listPublicResults } from './public-reads.js';
import { seedInspectionsDemo } from './seed.js';

describeEachDialect('双随机 demo seed', (ctx) => {
  it('draws one plan reproducibly (with a recusal), announces another, publishes results, and every demo draw verifies offline', async () => {
    const deps = testDeps(ctx.db);
    const db = ctx.db.kysely;
    expect(await seedDemoAgency(db, deps.blobs, deps.ledger)).toBe(true);
    const plans = (await listPublicPlans(db, { page: 1, pageSize: 20 })).items;
    expect(plans.map((p) => p.state).sort()).toEqual(['announced', 'drawn']);
    const drawn = plans.filter((p) => p.state === 'drawn');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-draws-'));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      for (const plan of drawn) {
        const bundle = await drawBundle(db, plan.id);
        expect(verifyBundle(bundle).ok).toBe(true);
        // The same entities, code and values give the same draw on every demo database.
        expect(bundle.result.targets).toHaveLength(12);
        expect(bundle.result.recusals.length).toBeGreaterThan(0);
        const conflicts = new Set(bundle.inputs.conflicts.map(([i, t]) => `${i}/${t}`));
        expect(bundle.result.targets.every((t) => t.team.every((i) => !conflicts.has(`${i}/${t.label}`)))).toBe(true);
        const file = path.join(dir, `${plan.id}.json`);
        fs.writeFileSync(file, JSON.stringify(bundle));
        expect(await runDrawVerify(file)).toBe(0);
      }
    } finally {
      vi.restoreAllMocks();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect((await listPublicResults(db, { page: 1, pageSize: 20 })).total).toBe(3);
    expect(await seedInspectionsDemo(db)).toBe(false);
  });
});
