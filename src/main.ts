import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { runDrawCommand } from './cli/draw-command.js';
import { runExportCommand } from './cli/export-command.js';
import { runUserCommand } from './cli/user-command.js';
import { runVerifyBagCommand } from './cli/verify-bag-command.js';
import { runVerify } from './cli/verify-command.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { seedDemoAgency } from './demo-seed.js';
import { cleanUpExpiredUploads } from './modules/evidence/index.js';
import { bootstrapProduction, DEMO_PASSWORD } from './modules/org/index.js';
import { publicationJobs } from './modules/publications/index.js';
import { loadOrCreateSecret } from './platform/auth/secret.js';
import { fixityJob } from './platform/blobs/fixity-job.js';
import { createBlobStore } from './platform/blobs/index.js';
import { seedCalendarFromChineseDays } from './platform/calendar/index.js';
import { connectDatabase, type Db } from './platform/db/connect.js';
import { ensurePostgresDatabase } from './platform/db/create-database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { startScheduler } from './platform/jobs/scheduler.js';
import { sequenceUnledgeredEvents } from './platform/ledger/catch-up.js';
import { createCheckpoint, startCheckpointer } from './platform/ledger/checkpoints.js';
import { loadLedgerSigners } from './platform/ledger/keys.js';

const HELP = `sanxiang — 三项制度执法平台

用法:
  sanxiang serve [--demo]        启动服务(--demo:空数据目录时写入演示机关和演示账号)
  sanxiang migrate               升级数据库结构
  sanxiang seed --demo           向空数据库写入演示机关和演示账号
  sanxiang user create --username <名> --name <姓名> --unit <机构名称或ID> --role <角色> [--role …] [--password <密码>]
  sanxiang user reset-password <用户名>
  sanxiang verify [--checkpoint <检查点文件>]   核验账本、检查点签名和证据文件;发现问题时退出码为 1
  sanxiang draw verify <文件>     重新进行一次双随机抽取并与公布结果核对(文件取自 /api/public/draws/<ID>);不一致时退出码为 1
  sanxiang export case <案件编号或ID> --out <目录>   将已结案的案件导出为 BagIt 归档包(文书、证据、案件记录、账本证明)
  sanxiang verify-bag [--keys <公钥文件>] <目录或 zip>   离线核验归档包(BagIt 清单、账本证明、检查点签名);发现问题时退出码为 1
  sanxiang help

配置见 README(环境变量 PORT、HOST、SANXIANG_DATA_DIR、SANXIANG_DATABASE_URL 等)。`;

/** CLI entry; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(HELP);
    return command === undefined ? 1 : 0;
  }
  // Offline: needs neither configuration nor database, so anyone with a downloaded bundle can run it.
  if (command === 'draw') return runDrawCommand(rest);
  if (command === 'verify-bag') return runVerifyBagCommand(rest);
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  switch (command) {
    case 'serve': {
      const demo = parseArgs({ args: [...rest], options: { demo: { type: 'boolean', default: false } } }).values.demo === true;
      try {
        return await serve(config, demo);
      } catch (error) {
        console.error(`启动失败:${error instanceof Error ? error.message : String(error)}`);
        return 1;
      }
    }
    case 'migrate':
      return withDb(config, async (db) => {
        const applied = await migrateToLatest(db.kysely, db.dialect);
        const sequenced = await sequenceUnledgeredEvents(db.kysely);
        if (sequenced > 0) console.log(`已为 ${sequenced} 条早期记录补记账本条目`);
        console.log(applied.length > 0 ? `已执行迁移:${applied.join(', ')}` : '数据库结构已是最新');
        return 0;
      });
    case 'seed': {
      const { values } = parseArgs({ args: [...rest], options: { demo: { type: 'boolean', default: false } } });
      if (!values.demo) {
        console.error('目前只支持 sanxiang seed --demo');
        return 1;
      }
      return withDb(config, async (db) => {
        await migrateToLatest(db.kysely, db.dialect);
        const blobs = await createBlobStore(config.blobs, path.join(config.dataDir, 'tmp'));
        const seeded = await seedDemoAgency(db.kysely, blobs, {
          origin: config.ledger.origin,
          signers: loadLedgerSigners(config.ledger, config.dataDir),
        });
        console.log(seeded ? `已写入演示数据,演示账号密码均为 ${DEMO_PASSWORD}` : '数据库不为空,未写入演示数据');
        await signCheckpoint(db, config);
        return 0;
      });
    }
    case 'verify': {
      const { values } = parseArgs({ args: [...rest], options: { checkpoint: { type: 'string' } } });
      return withDb(config, async (db) => {
        const external = values.checkpoint === undefined ? undefined : fs.readFileSync(values.checkpoint, 'utf8');
        return runVerify(db.kysely, config, external);
      });
    }
    case 'export':
      return withDb(config, (db) => runExportCommand(db.kysely, config, rest));
    case 'user':
      return withDb(config, async (db) => {
        await migrateToLatest(db.kysely, db.dialect);
        const code = await runUserCommand(db.kysely, rest);
        await signCheckpoint(db, config);
        return code;
      });
    default:
      console.error(`未知命令:${command}\n\n${HELP}`);
      return 1;
  }
}

/** Commands that write sign a checkpoint before they exit, as the server does on shutdown. */
async function signCheckpoint(db: Db, config: Config): Promise<void> {
  await createCheckpoint(db.kysely, config.ledger.origin, loadLedgerSigners(config.ledger, config.dataDir));
}

/** Opens the configured database, creating an absent PostgreSQL database first. */
async function open(config: Config): Promise<Db> {
  if (config.database.dialect === 'postgres' && (await ensurePostgresDatabase(config.database.url))) {
    console.log(`已创建 PostgreSQL 数据库 ${new URL(config.database.url).pathname.slice(1)}(UTF-8)`);
  }
  return connectDatabase(config.database);
}

async function withDb(config: Config, work: (db: Db) => Promise<number>): Promise<number> {
  let db: Db;
  try {
    db = await open(config);
  } catch (error) {
    console.error(`无法连接数据库:${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  try {
    return await work(db);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await db.close();
  }
}

async function serve(config: Config, demo: boolean): Promise<number> {
  const db = await open(config);
  await migrateToLatest(db.kysely, db.dialect);
  await sequenceUnledgeredEvents(db.kysely);
  // Holidays and 调休 days of 2004–2026 from chinese-days, once; later years are entered and approved by an admin.
  await seedCalendarFromChineseDays(db.kysely);
  // The demo cases issue their 执法文书, which go to the blob store.
  const blobs = await createBlobStore(config.blobs, path.join(config.dataDir, 'tmp'));
  const signers = loadLedgerSigners(config.ledger, config.dataDir);
  if (demo) {
    if (await seedDemoAgency(db.kysely, blobs, { origin: config.ledger.origin, signers }))
      console.log(
        `已写入演示机关和演示账号(admin、officer1、officer2、unithead、reviewer、leader、archivist、supervisor,密码 ${DEMO_PASSWORD})`,
      );
  } else {
    const admin = await bootstrapProduction(db.kysely, config.agencyName);
    if (admin) {
      console.log('首次启动:已创建系统管理员账号(密码只显示这一次,请登录后立即修改)');
      console.log(`  用户名:${admin.username}`);
      console.log(`  密码:  ${admin.password}`);
    }
  }
  const secret = loadOrCreateSecret(config.dataDir, config.sessionSecret);
  const app = await buildApp({ config, db, secret, blobs, ledger: { origin: config.ledger.origin, signers } });
  await createCheckpoint(db.kysely, config.ledger.origin, signers);
  const checkpointer = startCheckpointer(db.kysely, config.ledger.origin, signers, config.ledger.checkpointIntervalSeconds, (error) =>
    app.log.error({ err: error }, 'checkpoint failed'),
  );
  const jobs = [
    fixityJob(db.kysely, blobs, config.fixityCron),
    // Incomplete uploads expire after 24 h; their bytes are removed at the next quarter hour.
    { name: 'upload-cleanup', cron: '*/15 * * * *', run: () => cleanUpExpiredUploads(db.kysely, config.dataDir) },
    ...publicationJobs(db.kysely),
  ];
  const scheduler = startScheduler(db.kysely, jobs, (job, error) => app.log.error({ err: error, job }, 'scheduled job failed'));
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    scheduler.stop();
    await app.close();
    // The last entries get a signed checkpoint before the process ends.
    await checkpointer.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // A port in use must end the process, not leave the timers of the scheduler and checkpointer running.
    scheduler.stop();
    await checkpointer.stop();
    await app.close();
    await db.close();
    throw error;
  }
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(`Sanxiang 已启动(${db.dialect}):门户 http://${shown}:${config.port}/  控制台 http://${shown}:${config.port}/console/`);
  return new Promise<number>(() => {});
}
