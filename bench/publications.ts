// 事后公开 at scale (issue 7): 100,000 published decisions; the portal's list page, a detail page and
// searches (4 characters through the trigram index, 2 characters by LIKE), as server time of app.inject.
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { seedDemo } from '../src/modules/org/index.js';
import type { DialectName } from '../src/platform/db/dialect.js';
import type { Database } from '../src/platform/db/schema.js';
import { inTransaction } from '../src/platform/db/transaction.js';
import { testApp } from '../test/support/app.js';
import { dialectsToBench, freshDb, type Row, timeEach } from './support.js';

const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 100_000);
const BATCH = 500;

// Varied vocabulary so that a phrase matches a realistic share of decisions, not all or none.
const PLACES = ['东城', '西城', '南湖', '北岭', '滨江', '高新', '金川', '平罗', '惠农', '永宁', '贺兰', '灵武'];
const WORDS = ['宏达', '鑫源', '华宇', '恒信', '远大', '博瑞', '安泰', '永丰', '天成', '瑞祥', '兴业', '德润', '嘉禾', '中联'];
const TRADES = ['建筑工程', '劳务派遣', '物业管理', '餐饮服务', '商贸', '物流', '家政服务', '电子科技', '纺织', '机械制造'];
const VIOLATIONS = [
  ['拖欠劳动者工资', '劳动保障监察条例第二十六条'],
  ['未依法缴纳社会保险费', '社会保险法第八十六条'],
  ['违法延长劳动者工作时间', '劳动保障监察条例第二十五条'],
  ['未按规定订立书面劳动合同', '劳动合同法第八十二条'],
  ['使用童工', '禁止使用童工规定第六条'],
  ['未按规定办理社会保险登记', '社会保险法第八十四条'],
  ['违反女职工特殊劳动保护规定', '劳动保障监察条例第二十三条'],
  ['无理抗拒劳动保障监察', '劳动保障监察条例第三十条'],
] as const;

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

function decisionText(i: number, company: string, violation: string, basis: string, fine: number, number: string): string {
  const paragraph = `经查,你单位于${2020 + (i % 6)}年${(i % 12) + 1}月至${((i + 3) % 12) + 1}月期间${violation},涉及劳动者${(i % 40) + 2}人。`;
  return [
    '某市人力资源和社会保障局',
    '行政处罚决定书',
    number,
    `当事人:${company}`,
    `统一社会信用代码:91640200MA${String(100000 + (i % 900000)).padStart(6, '0')}XX`,
    `住所:某市${pick(PLACES, i * 7)}区${pick(WORDS, i * 3)}路${(i % 300) + 1}号`,
    `本机关于立案调查的${company}${violation}一案,现已调查终结。`,
    paragraph.repeat(3),
    '以上事实有询问笔录、工资表、考勤记录、现场检查笔录及录音录像等证据证明。',
    `本机关认为,你单位的上述行为违反了有关规定。根据《${basis}》的规定,参照本机关行政处罚裁量基准,决定对你单位作出如下行政处罚:一、警告;二、罚款人民币${fine}元。`,
    '你单位应当自收到本决定书之日起十五日内,将罚款缴至指定银行账户。到期不缴纳罚款的,本机关将每日按罚款数额的百分之三加处罚款。',
    '你单位如不服本处罚决定,可以在收到本决定书之日起六十日内申请行政复议,也可以在六个月内直接向人民法院提起行政诉讼。',
  ].join('\n');
}

export async function seedDecisions(db: Kysely<Database>, dialect: DialectName): Promise<string[]> {
  const units = await db.selectFrom('units').select(['id', 'path']).where('parent_id', 'is not', null).execute();
  const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
  const ids: string[] = [];
  const start = Date.parse('2021-01-04T02:00:00Z');
  for (let base = 0; base < DECISIONS; base += BATCH) {
    await inTransaction(db, async (trx) => {
      const documents = [];
      const publications = [];
      const versions = [];
      const search = [];
      for (let i = base; i < Math.min(DECISIONS, base + BATCH); i++) {
        const unit = pick(units, i);
        const [violation, basis] = pick(VIOLATIONS, i * 5 + (i >> 4));
        const company = `${pick(PLACES, i)}${pick(WORDS, i >> 2)}${pick(TRADES, i >> 5)}有限公司`;
        const year = 2021 + Math.floor((i / DECISIONS) * 6);
        const number = `人社监罚〔${year}〕${(i % 100000) + 1}号`;
        const decidedOn = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
        const publishedAt = new Date(start + i * 60_000).toISOString();
        const fine = 1000 + (i % 50) * 500;
        const text = decisionText(i, company, violation, basis, fine, number);
        const documentId = randomUUID();
        const id = randomUUID();
        const sha = createHash('sha256').update(`${i}`).digest('hex');
        ids.push(id);
        documents.push({
          id: documentId,
          case_id: randomUUID(),
          unit_id: unit.id,
          type: 'penalty_decision',
          title: '行政处罚决定书',
          number,
          number_year: year,
          number_seq: i + 1,
          version: 1,
          supersedes_id: null,
          superseded_by: null,
          superseded_at: null,
          document_date: decidedOn,
          data: '{}',
          sha256: sha,
          sm3: sha,
          size: 20_000,
          issued_at: publishedAt,
          issued_by: admin.id,
          issued_by_name: '系统管理员',
        });
        publications.push({
          id,
          document_id: documentId,
          document_type: 'penalty_decision',
          document_number: number,
          case_id: randomUUID(),
          case_no: `${year}-${i}`,
          unit_id: unit.id,
          unit_path: unit.path,
          category: 'penalty',
          decided_on: decidedOn,
          due_on: decidedOn,
          state: 'published',
          blocked_reason: null,
          withdrawn_reason: null,
          withdrawn_at: null,
          current_version: 1,
          published_at: publishedAt,
          expires_on: '2099-01-01',
          revoked_on: null,
          withdrawal_due_on: null,
          created_at: publishedAt,
          updated_at: publishedAt,
        });
        const summary = {
          documentNumber: number,
          documentTitle: '行政处罚决定书',
          party: company,
          violation,
          penalty: `警告、罚款 ${fine} 元`,
          agency: '某市人力资源和社会保障局',
          decidedOn,
        };
        versions.push({
          id: randomUUID(),
          publication_id: id,
          version: 1,
          summary: JSON.stringify(summary),
          text,
          redactions: '[]',
          original_sha256: sha,
          text_sha256: createHash('sha256').update(text).digest('hex'),
          change_note: null,
          published_at: publishedAt,
          published_by: admin.id,
          ledger_index: i,
        });
        // As search-repository's indexText writes it.
        const own = { publication_id: id, text: text.toLowerCase() };
        search.push(
          dialect === 'postgres'
            ? { ...own, published_at: publishedAt, unit_path: unit.path, category: 'penalty', decided_on: decidedOn }
            : own,
        );
      }
      await trx.insertInto('documents').values(documents).execute();
      await trx.insertInto('publications').values(publications).execute();
      await trx.insertInto('publication_versions').values(versions).execute();
      await trx.insertInto('publication_search').values(search).execute();
    });
  }
  return ids;
}

async function expectOk(app: FastifyInstance, url: string, contains?: string): Promise<void> {
  const res = await app.inject({ method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
  if (contains && !res.body.includes(contains)) throw new Error(`${url}: expected ${contains}`);
}

async function benchDialect(dialect: DialectName): Promise<Row[]> {
  const { db, done } = await freshDb(dialect);
  try {
    await seedDemo(db.kysely);
    const loadStart = performance.now();
    const ids = await seedDecisions(db.kysely, dialect);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    // As an operator's regular maintenance would: fresh planner statistics after the bulk load.
    await sql.raw(dialect === 'postgres' ? 'vacuum analyze' : 'analyze').execute(db.kysely);
    const app = await testApp(db);
    const rows: Row[] = [
      { suite: 'publications', dialect, name: `load ${DECISIONS} published decisions`, value: `${loadSeconds.toFixed(1)} s`, target: '—' },
    ];
    const count = async (q: string) =>
      (await app.inject({ method: 'GET', url: `/api/public/decisions?pageSize=1&q=${encodeURIComponent(q)}` })).json<{ total: number }>()
        .total;
    const add = async (name: string, url: string, n: number, contains?: string) => {
      const r = await timeEach(n, () => expectOk(app, url, contains));
      rows.push({
        suite: 'publications',
        dialect,
        name: `${name} (n=${n})`,
        value: `p50 ${r.p50.toFixed(2)} / p95 ${r.p95.toFixed(2)} ms`,
        target: 'p95 < 50 ms',
      });
    };
    let i = 0;
    await add('GET /decisions (list page 1)', '/decisions', 200, '行政执法决定公开');
    await add('GET /decisions?page=2500 (deep page)', '/decisions?page=2500', 100);
    const detail = await timeEach(300, () => expectOk(app, `/decisions/${ids[(i++ * 7919) % ids.length]}`, '决定书全文'));
    rows.push({
      suite: 'publications',
      dialect,
      name: 'GET /decisions/:id (detail, random ids, n=300)',
      value: `p50 ${detail.p50.toFixed(2)} / p95 ${detail.p95.toFixed(2)} ms`,
      target: 'p95 < 50 ms',
    });
    for (const phrase of ['恒信物流', '劳务派遣', '使用童工']) {
      await add(
        `GET /decisions?q=${phrase} (4 characters, ${await count(phrase)} hits)`,
        `/decisions?q=${encodeURIComponent(phrase)}`,
        100,
      );
    }
    await add(`GET /decisions?q=童工 (2 characters, LIKE, ${await count('童工')} hits)`, `/decisions?q=${encodeURIComponent('童工')}`, 20);
    await add(
      `GET /api/public/decisions?q=滨江鑫源&year=2024 (JSON, ${await count('滨江鑫源')} hits overall)`,
      `/api/public/decisions?q=${encodeURIComponent('滨江鑫源')}&year=2024`,
      100,
    );
    await app.close();
    return rows;
  } finally {
    await done();
  }
}

export async function benchPublications(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const dialect of await dialectsToBench()) rows.push(...(await benchDialect(dialect)));
  return rows;
}
