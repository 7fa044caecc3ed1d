import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { makeUnit } from '../../../test/support/factories.js';
import { systemActor } from '../../platform/auth/actor.js';
import { createFsBlobStore } from '../../platform/blobs/index.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { type IssueInput, issueDocument } from './issue.js';
import { listCaseDocuments } from './service.js';
import { documentXml, sampleData, visibleText } from './testing.js';

const actor = systemActor('documents-test');
const blobDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-documents-'));
const blobs = createFsBlobStore(blobDir);
afterAll(() => fs.rmSync(blobDir, { recursive: true, force: true }));

async function storedBytes(sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await blobs.open(sha256)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describeEachDialect('issuing 执法文书', (ctx) => {
  let unitId: string;
  const caseId = `case-${Math.random().toString(36).slice(2)}`;

  beforeAll(async () => {
    unitId = (await makeUnit(ctx.db.kysely, { name: `监察局-${Math.random()}` })).id;
    await inTransaction(ctx.db.kysely, (trx) =>
      trx
        .insertInto('document_number_prefixes')
        .values({ unit_id: unitId, prefix: '石人社监', updated_at: 'now', updated_by: 'test' })
        .execute(),
    );
  });

  const issue = (input: Partial<IssueInput>) =>
    inTransaction(ctx.db.kysely, (trx) =>
      issueDocument(trx, actor, blobs, { caseId, unitId, type: 'penalty_decision', data: sampleData(), ...input }),
    );

  it('stores the .docx, inserts the row and records document.issued naming the content hash', async () => {
    const doc = await issue({});
    expect(doc).toMatchObject({ caseId, unitId, type: 'penalty_decision', title: '行政处罚决定书', version: 1, supersedesId: null });
    expect(doc.number).toBe('石人社监罚〔2026〕1号');
    expect(doc.issuedBy).toBe('system:documents-test');
    const bytes = await storedBytes(doc.sha256);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(doc.sha256);
    expect(bytes.length).toBe(doc.size);
    expect(visibleText(documentXml(bytes))).toContain('石人社监罚〔2026〕1号');
    const event = await ctx.db.kysely.selectFrom('events').selectAll().where('subject_id', '=', doc.id).executeTakeFirstOrThrow();
    expect(event.type).toBe('document.issued');
    expect(JSON.parse(event.blobs)).toEqual([doc.sha256]);
    expect(JSON.parse(event.data)).toMatchObject({ caseId, number: doc.number, sha256: doc.sha256, version: 1 });
    expect(event.ledger_index).not.toBeNull();
  });

  it('keeps the number of a corrected document, increments the version and cites the original', async () => {
    const original = await issue({ type: 'penalty_prior_notice' });
    const data = sampleData({ facts: '更正后的违法事实。' });
    const correction = await issue({ type: 'penalty_prior_notice', data, supersedesId: original.id });
    expect(correction.number).toBe(original.number);
    expect(correction.version).toBe(2);
    expect(correction.supersedesId).toBe(original.id);
    const text = visibleText(documentXml(await storedBytes(correction.sha256)));
    expect(text).toContain(`本文书更正2026年3月12日作出的${original.number}《行政处罚事先告知书》（第1版），原文书同时作废。`);
    expect(text).toContain('更正后的违法事实');
    // The next new document still takes the next number: the correction took none.
    expect((await issue({ type: 'penalty_prior_notice' })).number).toBe('石人社监告〔2026〕2号');

    const listed = await listCaseDocuments(ctx.db.kysely, caseId);
    const old = listed.find((d) => d.id === original.id);
    expect(old?.supersededBy).toBe(correction.id);
    expect(listed.map((d) => d.id)).toEqual(expect.arrayContaining([original.id, correction.id]));
    expect(listed.findIndex((d) => d.id === original.id)).toBeLessThan(listed.findIndex((d) => d.id === correction.id));

    // Only the latest version may be corrected, and only by the same type of document.
    await expect(issue({ type: 'penalty_prior_notice', supersedesId: original.id })).rejects.toMatchObject({
      code: 'document_already_superseded',
    });
    await expect(issue({ type: 'penalty_decision', supersedesId: correction.id })).rejects.toMatchObject({ code: 'correction_mismatch' });
    await expect(issue({ type: 'penalty_prior_notice', supersedesId: correction.id, caseId: 'another-case' })).rejects.toMatchObject({
      code: 'document_not_found',
    });
  });

  it('corrects unnumbered documents too, citing the original by title and date', async () => {
    const original = await issue({ type: 'inquiry_record' });
    expect(original.number).toBeNull();
    const correction = await issue({ type: 'inquiry_record', supersedesId: original.id });
    expect(correction).toMatchObject({ number: null, version: 2 });
    expect(visibleText(documentXml(await storedBytes(correction.sha256)))).toContain('本文书更正2026年3月12日作出的《询问笔录》（第1版）');
  });

  it('lets only one of two simultaneous corrections of the same document through', async () => {
    const original = await issue({ type: 'rectification_order' });
    const results = await Promise.allSettled([
      issue({ type: 'rectification_order', supersedesId: original.id }),
      issue({ type: 'rectification_order', supersedesId: original.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' ? rejected.reason : undefined).toMatchObject({ code: 'document_already_superseded' });
  });

  it('refuses an unknown unit, an anonymous actor and an unknown type', async () => {
    await expect(issue({ unitId: 'no-such-unit' })).rejects.toMatchObject({ code: 'unit_not_found' });
    await expect(
      inTransaction(ctx.db.kysely, (trx) =>
        issueDocument(trx, { kind: 'anonymous' }, blobs, { caseId, unitId, type: 'penalty_decision', data: sampleData() }),
      ),
    ).rejects.toMatchObject({ code: 'not_authenticated' });
    const type = JSON.parse('"no_such_type"');
    await expect(issue({ type })).rejects.toMatchObject({ code: 'unknown_document_type' });
  });

  it('defaults the 成文日期 to today in Beijing and stores the data it rendered', async () => {
    const data = sampleData();
    delete data.dates?.document;
    const doc = await issue({ type: 'inquiry_notice', data });
    expect(doc.documentDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const row = await ctx.db.kysely.selectFrom('documents').select('data').where('id', '=', doc.id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.data).dates.document).toBe(doc.documentDate);
  });
});
