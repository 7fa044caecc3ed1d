// 统计分析 at scale (issue 9 item 6): 1,000,000 cases over five years in ten units and forty 执法事项, with
// their filing, inspection (AV-checked, 3 % by exception) and decision steps, 法制审核 of 5 % and the 事后公开
// of every decision; then the dashboard (which also carries the weak spots) and the weak-spot list, as the
// service computes them. PostgreSQL only: the target is stated for it, and the rows are made by the database.
import { sql } from 'kysely';
import pg from 'pg';
import { statsOverview } from '../src/modules/stats/overview.js';
import type { UserActor } from '../src/platform/auth/actor.js';
import { connectDatabase, type Db } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { makeUnit } from '../test/support/factories.js';
import { PG_ADMIN_URL } from '../test/support/pg-url.js';
import { freshDb, postgresReachable, type Row, timeEach } from './support.js';

const CASES = Number(process.env.BENCH_STATS_CASES ?? 1_000_000);
const UNITS = 10;
/**
 * BENCH_STATS_DB=name keeps the generated database under that name and reuses it on the next run (making it
 * takes minutes; tuning queries takes many runs). Drop it by hand when done. Unset: a fresh database, dropped.
 */
const KEEP = process.env.BENCH_STATS_DB;

/** The kept database, migrated; `filled` says whether an earlier run already generated the rows. */
async function keptDb(name: string): Promise<{ db: Db; filled: boolean; done: () => Promise<void> }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_STATS_DB「${name}」: lower-case letters, digits and _ only`);
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    }
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = connectDatabase({ dialect: 'postgres', url: url.toString() });
  await migrateToLatest(db.kysely, 'postgres');
  const filled = (await db.kysely.selectFrom('cases').select('id').limit(1).executeTakeFirst()) !== undefined;
  return { db, filled, done: () => db.close() };
}

export async function fill(db: Db, units: { id: string; path: string }[]): Promise<void> {
  const k = db.kysely;
  const unitIds = sql.raw(`array[${units.map((u) => `'${u.id}'`).join(',')}]`);
  const unitPaths = sql.raw(`array[${units.map((u) => `'${u.path}'`).join(',')}]`);
  const now = new Date().toISOString();
  // Five years of receipts; 90 % 一般程序; 60 % closed; 70 % decided 10–130 days after filing (some late).
  await sql`
    insert into cases (id, case_no, title, unit_id, unit_path, procedure, source, stage, item_code, item_version_id,
      received_on, filed_on, closed_on, decision_revoked_on, next_deadline, review_required, data, created_at, created_by, updated_at)
    select 'c' || g, 'B-' || g, '基准测试案件', (${unitIds})[1 + g % ${sql.lit(UNITS)}], (${unitPaths})[1 + g % ${sql.lit(UNITS)}],
      case when g % 10 = 0 then 'simple' else 'general' end,
      (array['投诉','举报','双随机','日常巡查','移送','其他'])[1 + g % 6],
      case when g % 10 < 6 then 'closed' when g % 10 < 8 then 'decision_served' else 'investigating' end,
      'ITEM-' || (g % 40), 'v' || (g % 40),
      to_char(date '2021-06-01' + (g % 1826), 'YYYY-MM-DD'),
      case when g % 10 = 0 then null else to_char(date '2021-06-01' + (g % 1826) + 2, 'YYYY-MM-DD') end,
      case when g % 10 < 6 then to_char(date '2021-06-01' + (g % 1826) + 30 + g % 150, 'YYYY-MM-DD') end,
      null,
      case when g % 10 >= 6 then to_char(date '2021-06-01' + (g % 1826) + 60 + g % 40, 'YYYY-MM-DD') end,
      0, '{"summary":"基准测试"}', ${now}, 'bench', ${now}
    from generate_series(1, ${CASES}) g`.execute(k);
  // As the cases module writes a step: av_check from what the AV gate recorded, the case's unit and item repeated.
  const step = (action: string, seq: number, day: string, data: string, where: string) =>
    sql`insert into case_steps (id, case_id, seq, action, stage_after, performed_on, data, av_check, unit_id, unit_path, item_code,
        created_at, created_by)
      select ${action} || id, id, ${seq}, ${action}, stage, ${sql.raw(day)}, d.data,
        case when d.data like '%"avException":%' then 'exception' when d.data like '%"itemStep":%' then 'recorded' end,
        unit_id, unit_path, item_code, ${now}, 'bench'
      from cases, lateral (select ${sql.raw(data)} as data) d where ${sql.raw(where)}`.execute(k);
  await step('file', 1, 'filed_on', `'{"note":""}'`, 'filed_on is not null');
  await step(
    'investigate',
    2,
    "to_char(filed_on::date + 5, 'YYYY-MM-DD')",
    `case when substr(id, 2)::int % 33 = 0 then '{"note":"","evidenceIds":[],"itemStep":"调查取证","avException":{"reason":"设备故障"}}' else '{"note":"","evidenceIds":["e"],"itemStep":"调查取证"}' end`,
    'filed_on is not null',
  );
  await step(
    'decide',
    3,
    "to_char(filed_on::date + 10 + substr(id, 2)::int % 120, 'YYYY-MM-DD')",
    `'{"note":""}'`,
    "stage <> 'investigating' and procedure = 'general'",
  );
  await step('on_the_spot', 1, 'received_on', `'{"note":"","itemStep":"当场处罚"}'`, "procedure = 'simple'");
  // The decision day on the case, as the cases module records it with the decision.
  await sql`update cases set decided_on = s.performed_on from case_steps s
    where s.case_id = cases.id and s.action in ('decide', 'on_the_spot')`.execute(k);
  // 法制审核 of every twentieth case (all filed: g % 20 = 1 is never 简易程序): a first round returned a third of
  // the time, then agreed.
  await sql`insert into reviews (id, case_id, case_no, case_title, unit_id, unit_path, state, reviewer_id, round_no, due_on, extended, settlement, created_at, updated_at)
    select 'r' || id, id, case_no, title, unit_id, unit_path, 'agreed', null, 1, null, 0, null, ${now}, ${now}
    from cases where substr(id, 2)::int % 20 = 1`.execute(k);
  await sql`insert into review_rounds (id, review_id, round_no, package, package_sha256, attestation, answers, submitted_at, submitted_by,
      conclusion, opinion, opinion_document_id, concluded_at, concluded_by)
    select 'rr' || r.id, r.id, 1, '{}', '', '{}', null, c.filed_on || 'T02:00:00.000Z', 'bench',
      case when substr(c.id, 2)::int % 60 = 1 then 'problems' else 'agreed' end,
      case when substr(c.id, 2)::int % 60 = 1 then '{"checklist":[],"problems":[{"no":1,"key":"evidence","text":"证据不足"}],"note":"","signatures":[]}' else '{"checklist":[],"problems":[],"note":"","signatures":[]}' end,
      null, to_char(c.filed_on::date + 3, 'YYYY-MM-DD') || 'T08:00:00.000Z', 'bench'
    from reviews r join cases c on c.id = r.case_id`.execute(k);
  // Every decision published: due 9 days later; most first published within 7 days, some late, some never.
  await sql`insert into documents (id, case_id, unit_id, type, title, number, number_year, number_seq, version, supersedes_id, superseded_by,
      superseded_at, document_date, data, sha256, sm3, size, issued_at, issued_by, issued_by_name)
    select 'd' || s.case_id, s.case_id, c.unit_id, 'penalty_decision', '行政处罚决定书', null, null, null, 1, null, null, null,
      s.performed_on, '{}', '', '', 1, ${now}, 'bench', '基准'
    from case_steps s join cases c on c.id = s.case_id where s.action in ('decide', 'on_the_spot')`.execute(k);
  await sql`insert into publications (id, document_id, document_type, document_number, case_id, case_no, unit_id, unit_path, category,
      decided_on, due_on, state, blocked_reason, withdrawn_reason, withdrawn_at, current_version, published_at, expires_on, revoked_on,
      withdrawal_due_on, created_at, updated_at)
    select 'p' || d.case_id, d.id, 'penalty_decision', null, d.case_id, c.case_no, c.unit_id, c.unit_path, 'penalty', d.document_date,
      to_char(d.document_date::date + 9, 'YYYY-MM-DD'), case when substr(d.case_id, 2)::int % 50 = 0 then 'draft' else 'published' end,
      null, null, null, 1, null, null, null, null, ${now}, ${now}
    from documents d join cases c on c.id = d.case_id`.execute(k);
  await sql`insert into publication_versions (id, publication_id, version, summary, text, redactions, original_sha256, text_sha256, change_note,
      published_at, published_by, ledger_index, confirmed, source_text_sha256)
    select 'pv' || p.id, p.id, 1, '{}', '', '[]', '', '', null,
      to_char(p.decided_on::date + 5 + substr(p.case_id, 2)::int % 7, 'YYYY-MM-DD') || 'T03:00:00.000Z', 'bench', 0, null, null
    from publications p where p.state = 'published'`.execute(k);
  // What autovacuum does to a loaded table in production (and what lets index-only scans skip the heap).
  await sql`vacuum analyze`.execute(k);
}

export async function benchStats(): Promise<Row[]> {
  if (!(await postgresReachable())) {
    console.warn('PostgreSQL unreachable: the stats benchmark runs on PostgreSQL only');
    return [];
  }
  const { db, filled, done } = KEEP ? await keptDb(KEEP) : { ...(await freshDb('postgres')), filled: false };
  try {
    let root: { id: string; path: string };
    const units: { id: string; path: string }[] = [];
    let seconds = 'an earlier run';
    if (filled) {
      // The kept database: the root is the unit without a parent, its children the ten units (by name).
      const all = await db.kysely.selectFrom('units').select(['id', 'path', 'parent_id', 'name']).orderBy('name').execute();
      const top = all.find((u) => u.parent_id === null && u.name === '基准测试局');
      if (!top) throw new Error(`BENCH_STATS_DB=${KEEP}: no 基准测试局 in the kept database`);
      root = top;
      units.push(...all.filter((u) => u.parent_id === top.id).sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true })));
    } else {
      root = await makeUnit(db.kysely, { name: '基准测试局' });
      for (let i = 0; i < UNITS; i++) units.push(await makeUnit(db.kysely, { parentId: root.id, name: `基准测试科室${i + 1}` }));
      const started = performance.now();
      await fill(db, units);
      seconds = `${((performance.now() - started) / 1000).toFixed(0)} s`;
    }
    const leader: UserActor = {
      kind: 'user',
      userId: 'bench',
      username: 'bench',
      displayName: '基准',
      unitId: root.id,
      unitPath: root.path,
      roles: ['leader'],
    };
    const rows: Row[] = [];
    const measure = async (name: string, query: { from?: string; to?: string; unitId?: string }) => {
      const t = await timeEach(5, () => statsOverview(db.kysely, leader, query));
      rows.push({
        suite: 'stats',
        dialect: 'postgres',
        name,
        value: `p50 ${t.p50.toFixed(0)} ms, max ${t.p99.toFixed(0)} ms`,
        target: '< 2000 ms',
      });
    };
    const label = `${(CASES / 1_000_000).toFixed(1)}M cases (made in ${seconds})`;
    await measure(`overview + weak spots, 12 months, all units (${label})`, { from: '2025-07-01', to: '2026-06-30' });
    await measure('overview + weak spots, 12 months, one unit', { from: '2025-07-01', to: '2026-06-30', unitId: units[0]?.id });
    await measure('overview + weak spots, all five years, all units', { from: '2021-07-01', to: '2026-06-30' });
    return rows;
  } finally {
    await done();
  }
}
