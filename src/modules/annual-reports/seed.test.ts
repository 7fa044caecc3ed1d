import { expect, it } from 'vitest';
import { testDeps } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { seedDemoAgency } from '../../demo-seed.js';
import { getPublicReport, listPublicReports } from './read-service.js';
import { seedAnnualReportsDemo } from './seed.js';

describeEachDialect('annual reports demo seed', (ctx) => {
  it("publishes the demo year's report, confirmed by the demo unit, once", async () => {
    const deps = testDeps(ctx.db);
    expect(await seedDemoAgency(ctx.db.kysely, deps.blobs, deps.ledger)).toBe(true);
    const reports = await listPublicReports(ctx.db.kysely);
    expect(reports).toHaveLength(1);
    const report = await getPublicReport(ctx.db.kysely, reports[0]?.year ?? 0);
    expect(report.figures.units.map((u) => u.unitName)).toEqual(['劳动保障监察监督局']);
    expect(report.figures.total).toMatchObject({ decisions: 1, fineYuan: 25000, published: 1 });
    const units = await ctx.db.kysely.selectFrom('annual_report_units').select(['state', 'note']).execute();
    expect(units).toEqual([{ state: 'confirmed', note: '经核对,与本单位执法台账一致' }]);
    expect(await seedAnnualReportsDemo(ctx.db.kysely)).toBe(false);
  });
});
