import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_SIGNERS } from '../../test/support/app.js';
import { describeEachDialect } from '../../test/support/databases.js';
import { type CasesEnv, company, startCasesEnv, VALID_RESIDENT_ID } from '../modules/cases/testing.js';
import type { PublishedDecision } from '../modules/publications/index.js';
import { issuedDecision, publicationsApi, publishedDecision } from '../modules/publications/testing.js';
import { verifierOf } from '../platform/crypto/signers.js';
import { createCheckpoint } from '../platform/ledger/checkpoints.js';
import { leafHash, verifyInclusion } from '../platform/ledger/merkle.js';
import { parseCheckpoint, verifyNote } from '../platform/ledger/note.js';
import { csvField } from './decision-feeds.js';

describeEachDialect('portal: 执法决定公开 (/decisions, detail, feeds, CSV)', (ctx) => {
  let env: CasesEnv;
  let api: ReturnType<typeof publicationsApi>;
  const published: { id: string; number: string; ledgerIndex: number }[] = [];
  let withdrawnId = '';
  let draftId = '';

  const publish = (party?: Record<string, unknown>) => publishedDecision(env, party);

  beforeAll(async () => {
    env = await startCasesEnv(ctx.db);
    api = publicationsApi(env);
    published.push(await publish());
    published.push(await publish(company({ name: '某某建筑工程有限公司,第一分公司' })));
    const gone = await publish();
    withdrawnId = gone.id;
    const res = await api.post(withdrawnId, 'withdraw', { reason: '行政复议决定撤销原处罚决定' }, 'reviewer');
    expect(res.statusCode, res.body).toBe(200);
    draftId = (await api.ofDocument((await issuedDecision(env)).document.id)).id;
    await createCheckpoint(ctx.db.kysely, 'test.example/ledger', TEST_SIGNERS);
  });
  afterAll(() => env?.app.close());

  // Pages work without JavaScript: the only scripts are the decision page's optional in-browser verifier
  // and the (inert) JSON it reads.
  const page = async (url: string) => {
    const res = await env.app.inject({ method: 'GET', url, headers: { host: 'gs.example.gov.cn' } });
    const rest = res.body
      .replace(/<script type="application\/json" id="verify-data">[^<]*<\/script>/, '')
      .replace('<script src="/static/verify-decision.js" defer></script>', '');
    expect(rest).not.toMatch(/<script[\s>]/);
    return res;
  };
  const first = () => published[0] ?? { id: '', number: '', ledgerIndex: -1 };

  it('lists published decisions with the 摘要 columns, searches them, announces the feeds and never fails on bad values', async () => {
    const res = await page('/decisions');
    expect(res.statusCode).toBe(200);
    for (const p of published) expect(res.body).toContain(`href="/decisions/${p.id}"`);
    expect(res.body).not.toContain(withdrawnId);
    expect(res.body).not.toContain(draftId);
    for (const label of ['文号', '当事人', '违法行为类型', '处罚内容', '执法机构', '决定日期'])
      expect(res.body).toContain(`data-label="${label}"`);
    expect(res.body).toContain('<td data-label="当事人">李某某</td>');
    expect(res.body).toContain('警告、罚款 800 元');
    expect(res.body).not.toContain('李四');
    expect(res.body).toContain('<link rel="alternate" type="application/rss+xml"');
    expect(res.body).toContain('href="/decisions/atom.xml"');
    expect(res.body).toContain('href="/decisions/feed.json"');
    expect(res.body).toContain('http://gs.example.gov.cn/decisions');

    const found = await page(`/decisions?q=${encodeURIComponent(first().number)}`);
    expect(found.body).toContain(`href="/decisions/${first().id}"`);
    expect(found.body).not.toContain(`href="/decisions/${published[1]?.id}"`);
    expect(found.body).toContain('共 1 件');
    expect((await page(`/decisions?q=${encodeURIComponent(VALID_RESIDENT_ID)}`)).body).toContain('没有符合条件的决定');
    for (const bad of ['page=abc', 'page=0', 'page=999', 'q=%00%25', 'q=a&q=b', `q=${'x'.repeat(500)}`, 'q=%3Cb%3E']) {
      const r = await page(`/decisions?${bad}`);
      expect(r.statusCode, bad).toBe(200);
      expect(r.body, bad).not.toContain('<b>');
    }
    expect((await page('/disclosure')).body).toContain('<h2><a href="/decisions">执法决定公开</a></h2>');
  });

  it('shows a decision: 摘要 first, the redacted text, the ledger index, hashes and the proof link, with a QR code', async () => {
    const res = await page(`/decisions/${first().id}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body.indexOf('摘要')).toBeGreaterThan(-1);
    expect(body.indexOf('摘要')).toBeLessThan(body.indexOf('决定书全文'));
    expect(body).toContain('<dt>当事人</dt><dd>李某某</dd>');
    expect(body).toContain(first().number);
    expect(body).not.toContain(VALID_RESIDENT_ID);
    expect(body).not.toContain('李四');
    expect(body).toContain('1101**********002X');
    expect(body).toContain(`<dt>账本序号</dt><dd class="mono">${first().ledgerIndex}</dd>`);
    const decision = (await api.publicGet(first().id)).json<{ textSha256: string; originalSha256: string }>();
    expect(body).toContain(decision.textSha256);
    expect(body).toContain(decision.originalSha256);
    const proof = body.match(/href="(\/api\/ledger\/proof\/inclusion\?[^"]+)"/)?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(proof).toContain(`index=${first().ledgerIndex}`);
    expect((await page(proof)).statusCode).toBe(200);
    expect(body).toMatch(/<div class="qr"[^>]*><svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(body).toContain(`http://gs.example.gov.cn/decisions/${first().id}`);
  });

  it('gives what proves the text: text → event data → ledger entry → inclusion proof → signed checkpoint', async () => {
    const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest();
    const decision = (await api.publicGet(first().id)).json<PublishedDecision>();
    const event = JSON.parse(decision.ledgerEventData) as { textSha256: string; originalSha256: string; version: number };
    expect(event).toMatchObject({ textSha256: sha256(decision.text).toString('hex'), originalSha256: decision.originalSha256, version: 1 });
    const entry = (await page(`/api/ledger/entries/${decision.ledgerIndex}`)).json<{ entry: string }>();
    expect(JSON.parse(entry.entry)).toMatchObject({
      dataHash: sha256(decision.ledgerEventData).toString('hex'),
      type: 'publication.published',
    });
    const note = parseCheckpoint((await page('/api/ledger/checkpoint')).body);
    const proof = (await page(`/api/ledger/proof/inclusion?index=${decision.ledgerIndex}&size=${note.size}`)).json<{ hashes: string[] }>();
    const hashes = proof.hashes.map((h) => Buffer.from(h, 'base64'));
    const leaf = leafHash(Buffer.from(entry.entry, 'utf8'));
    expect(verifyInclusion(decision.ledgerIndex, note.size, leaf, hashes, note.root)).toBe(true);
    expect(verifyNote(note, TEST_SIGNERS.map(verifierOf)).ok).toBe(true);
    // What the page hands its in-browser verifier is the same text and event data.
    const body = (await page(`/decisions/${first().id}`)).body;
    const data = JSON.parse(body.match(/<script type="application\/json" id="verify-data">([^<]*)<\/script>/)?.[1] ?? '{}');
    expect(data).toEqual({ text: decision.text, eventData: decision.ledgerEventData, ledgerIndex: decision.ledgerIndex });
  });

  it('shows only the notice of a withdrawn decision; unknown ids and drafts are the 404 page', async () => {
    const res = await page(`/decisions/${withdrawnId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('撤回理由:行政复议决定撤销原处罚决定');
    expect(res.body).not.toContain('决定书全文');
    expect(res.body).not.toContain('李某某');
    expect(res.body).not.toContain('账本序号');
    for (const id of [draftId, 'no-such-decision', 'x'.repeat(80), '%00']) {
      const missing = await page(`/decisions/${id}`);
      expect(missing.statusCode, id).toBe(404);
      expect(missing.body).toContain('页面不存在');
    }
  });

  it('serves RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the published decisions', async () => {
    const wellFormed = (xml: string, root: string) => {
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
      expect(xml.split(`<${root}`).length - 1).toBe(1);
      expect(xml.trimEnd().endsWith(`</${root}>`)).toBe(true);
      for (const tag of ['item', 'entry', 'title']) expect(xml.split(`<${tag}>`).length, tag).toBe(xml.split(`</${tag}>`).length);
    };
    const rss = await page('/decisions/feed.xml');
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    wellFormed(rss.body, 'rss');
    for (const el of ['<channel>', '<title>', '<link>http://gs.example.gov.cn/decisions</link>', '<description>', '<item>', '<pubDate>']) {
      expect(rss.body).toContain(el);
    }
    expect(rss.body).toContain(`<guid isPermaLink="true">http://gs.example.gov.cn/decisions/${first().id}</guid>`);
    expect(rss.body).not.toContain(withdrawnId);

    const atom = await page('/decisions/atom.xml');
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    wellFormed(atom.body, 'feed');
    for (const el of ['xmlns="http://www.w3.org/2005/Atom"', '<id>', '<updated>', '<author><name>', '<entry>', 'rel="self"']) {
      expect(atom.body).toContain(el);
    }
    expect(atom.body).toContain(`<id>http://gs.example.gov.cn/decisions/${first().id}</id>`);

    const json = await page('/decisions/feed.json');
    expect(json.headers['content-type']).toContain('application/feed+json');
    const feed = JSON.parse(json.body) as { version: string; title: string; items: { id: string; url: string; title: string }[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.map((i) => i.url)).toEqual(
      expect.arrayContaining(published.map((p) => `http://gs.example.gov.cn/decisions/${p.id}`)),
    );
    expect(feed.items.every((i) => i.id !== '' && i.title !== '')).toBe(true);
  });

  it('exports the public fields as CSV with a BOM, the header and proper quoting', async () => {
    const res = await page('/decisions.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('文号,文书名称,当事人,违法行为类型,处罚内容,机关,决定日期,公开时间,版本,网址');
    expect(res.body).toContain('"某某建筑工程有限公司,第一分公司"');
    expect(res.body).not.toContain(VALID_RESIDENT_ID);
    expect(lines.filter((l) => l.includes(first().number))).toHaveLength(1);
    expect(csvField('说 "是"')).toBe('"说 ""是"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('a\nb')).toBe('"a\nb"');
  });
});
