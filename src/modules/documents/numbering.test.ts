import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { makeUnit } from '../../../test/support/factories.js';
import { systemActor } from '../../platform/auth/actor.js';
import { createFsBlobStore } from '../../platform/blobs/index.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { issueDocument } from './issue.js';
import { formatNumber } from './numbering.js';
import { sampleData } from './testing.js';
import type { DocumentType } from './types.js';

const actor = systemActor('documents-test');
const blobDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-documents-'));
const blobs = createFsBlobStore(blobDir);
afterAll(() => fs.rmSync(blobDir, { recursive: true, force: true }));

describeEachDialect('文号: gap-free per unit, type and year', (ctx) => {
  let unit: { id: string; name: string };

  beforeAll(async () => {
    unit = await makeUnit(ctx.db.kysely);
  });

  const issue = (type: DocumentType, date = '2026-03-12', caseId = 'case-1') =>
    inTransaction(ctx.db.kysely, (trx) =>
      issueDocument(trx, actor, blobs, {
        caseId,
        unitId: unit.id,
        type,
        data: sampleData({ dates: { ...sampleData().dates, document: date } }),
      }),
    );

  it('gives 20 documents issued at once the numbers 1 to 20, each exactly once', async () => {
    const issued = await Promise.all(Array.from({ length: 20 }, (_, i) => issue('penalty_prior_notice', '2026-03-12', `case-${i}`)));
    const numbers = issued.map((d) => d.number).sort();
    const expected = Array.from({ length: 20 }, (_, i) => formatNumber(unit.name, '告', 2026, i + 1)).sort();
    expect(numbers).toEqual(expected);
    expect(new Set(issued.map((d) => d.sha256)).size).toBe(20);
  });

  it('gives a number back when the transaction that took it fails', async () => {
    const first = await issue('rectification_order');
    expect(first.number).toBe(formatNumber(unit.name, '改', 2026, 1));
    await expect(
      inTransaction(ctx.db.kysely, async (trx) => {
        const taken = await issueDocument(trx, actor, blobs, {
          caseId: 'case-x',
          unitId: unit.id,
          type: 'rectification_order',
          data: sampleData(),
        });
        expect(taken.number).toBe(formatNumber(unit.name, '改', 2026, 2));
        throw new Error('the case step failed after the document was issued');
      }),
    ).rejects.toThrow('the case step failed');
    const next = await issue('rectification_order');
    expect(next.number).toBe(formatNumber(unit.name, '改', 2026, 2));
  });

  it('does not take a number for data it refuses', async () => {
    await expect(
      inTransaction(ctx.db.kysely, (trx) =>
        issueDocument(trx, actor, blobs, { caseId: 'c', unitId: unit.id, type: 'payment_reminder', data: { agencyName: '某局' } }),
      ),
    ).rejects.toMatchObject({ code: 'document_data_incomplete' });
    expect((await issue('payment_reminder')).number).toBe(formatNumber(unit.name, '催', 2026, 1));
  });

  it('counts each type and each Beijing year of the 成文日期 separately; unnumbered types get none', async () => {
    expect((await issue('penalty_decision', '2026-12-31')).number).toBe(formatNumber(unit.name, '罚', 2026, 1));
    expect((await issue('penalty_decision', '2027-01-01')).number).toBe(formatNumber(unit.name, '罚', 2027, 1));
    expect((await issue('penalty_decision', '2026-06-01')).number).toBe(formatNumber(unit.name, '罚', 2026, 2));
    expect((await issue('inquiry_record')).number).toBeNull();
    const other = await makeUnit(ctx.db.kysely);
    const elsewhere = await inTransaction(ctx.db.kysely, (trx) =>
      issueDocument(trx, actor, blobs, { caseId: 'c2', unitId: other.id, type: 'penalty_decision', data: sampleData() }),
    );
    expect(elsewhere.number).toBe(formatNumber(other.name, '罚', 2026, 1));
  });
});
