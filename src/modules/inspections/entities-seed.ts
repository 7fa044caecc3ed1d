import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { usccCheckChar } from '../../platform/pii/ids.js';
import { insertFinishedImport } from './entities-import-repository.js';
import { applyEntities } from './entities-import-run.js';
import { countEntities, type EntityRecord, setEntityActive } from './entities-repository.js';
import { ENTITY_SUBJECT } from './entities-service.js';
import type { ImportSummaryView } from './entities-views.js';

/**
 * The demo 检查对象名录库: about 300 market entities of a prefecture-level city in 宁夏, spread over its
 * districts, industries, sizes and risk classes. Generated from a fixed seed (never Math.random), so every
 * demo database holds the same entities and a demo draw with the same code selects the same ones.
 */

const COUNT = 300;
const SEED = 0x5a4e_4758;

/** mulberry32: a small, well-mixed 32-bit generator; the same seed gives the same sequence everywhere. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 行政区划代码 of each district: positions 3–8 of the USCC. */
const REGIONS: readonly { name: string; code: string; streets: readonly string[] }[] = [
  { name: '大武口区', code: '640202', streets: ['朝阳西街', '人民路', '胜利东街', '青山北路', '游艺街'] },
  { name: '惠农区', code: '640205', streets: ['北大街', '南大街', '钢电路', '福宁路', '河滨街'] },
  { name: '平罗县', code: '640221', streets: ['鼓楼南街', '唐徕大街', '新丰路', '沙湖大道', '平罗北街'] },
  { name: '高新区', code: '640200', streets: ['科技路', '创业大道', '经一路', '纬三路', '新材料园区'] },
];

const INDUSTRIES: readonly { name: string; trades: readonly string[]; shops: readonly string[] }[] = [
  { name: '制造业', trades: ['机械制造', '新材料', '冶金', '精细化工', '电石', '陶瓷制品', '服装加工'], shops: [] },
  { name: '建筑业', trades: ['建筑工程', '建设工程', '市政工程', '装饰工程', '建筑劳务'], shops: [] },
  { name: '住宿和餐饮业', trades: ['餐饮管理', '酒店管理', '宾馆'], shops: ['饭店', '火锅店', '面馆', '烧烤店'] },
  { name: '批发和零售业', trades: ['商贸', '超市', '医药连锁', '五金建材', '汽车销售'], shops: ['便利店', '副食店', '五金店'] },
  { name: '信息技术服务业', trades: ['信息技术', '网络科技', '软件开发', '数据服务'], shops: [] },
  { name: '交通运输业', trades: ['物流', '道路运输', '货运代理'], shops: [] },
  { name: '租赁和商务服务业', trades: ['劳务派遣', '人力资源服务', '保安服务', '物业服务'], shops: [] },
];

const BRANDS = [
  '宏达',
  '鑫源',
  '华宇',
  '恒信',
  '远大',
  '博瑞',
  '安泰',
  '永丰',
  '天成',
  '瑞祥',
  '兴业',
  '德润',
  '嘉禾',
  '中联',
  '金泰',
  '塞上',
  '贺兰山',
  '沙湖',
  '星海',
  '西夏',
  '黄河',
  '朔方',
  '明珠',
  '通达',
  '润丰',
  '昊天',
  '益民',
  '长城',
  '北方',
  '新源',
];
const SURNAMES = ['王', '李', '张', '刘', '马', '杨', '陈', '赵', '周', '吴', '徐', '孙', '何', '郭', '丁', '田'];
const GIVEN = ['建国', '海燕', '志强', '丽娟', '永胜', '晓东', '玉兰', '国庆', '文博', '春梅', '学军', '雪', '磊', '静', '伟', '红霞'];
const SIZES = [
  ['微型', 40],
  ['小型', 35],
  ['中型', 18],
  ['大型', 7],
] as const;
const RISKS = [
  ['A', 25],
  ['B', 45],
  ['C', 20],
  ['D', 10],
] as const;
const ORG_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const INACTIVE = 6;

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

function weighted(random: Random, choices: readonly (readonly [string, number])[]): string {
  let r = random() * choices.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  return choices[0]?.[0] ?? '';
}

const person = (random: Random) => `${pick(random, SURNAMES)}${pick(random, GIVEN)}`;
const digits = (random: Random, n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

/** The demo entities, the same on every call. */
export function demoEntities(count = COUNT): EntityRecord[] {
  const random = sequence(SEED);
  const records: EntityRecord[] = [];
  const names = new Set<string>();
  const codes = new Set<string>();
  while (records.length < count) {
    const region = pick(random, REGIONS);
    const industry = pick(random, INDUSTRIES);
    // A few 个体工商户 (code 92, a shop's name, always 微型) where the industry has shops.
    const shop = industry.shops.length > 0 && random() < 0.3;
    const brand = pick(random, BRANDS);
    const name = shop
      ? `${region.name}${brand}${pick(random, industry.shops)}`
      : `${random() < 0.5 ? '宁夏' : '石嘴山市'}${brand}${pick(random, industry.trades)}有限${random() < 0.15 ? '责任' : ''}公司`;
    const body = `${shop ? '92' : '91'}${region.code}MA7${Array.from({ length: 6 }, () => pick(random, [...ORG_ALPHABET])).join('')}`;
    const uscc = `${body}${usccCheckChar(body)}`;
    if (names.has(name) || codes.has(uscc)) continue;
    names.add(name);
    codes.add(uscc);
    const contact = random() < 0.8 ? person(random) : '';
    records.push({
      uscc,
      name,
      legalRepresentative: person(random),
      address: `石嘴山市${region.name}${pick(random, region.streets)}${1 + Math.floor(random() * 300)}号`,
      region: region.name,
      industry: industry.name,
      size: shop ? '微型' : weighted(random, SIZES),
      riskClass: weighted(random, RISKS),
      contact,
      phone: contact === '' ? '' : random() < 0.6 ? `139${digits(random, 8)}` : `0952-${2 + Math.floor(random() * 7)}${digits(random, 6)}`,
    });
  }
  return records;
}

/**
 * Seeds the directory once (nothing when it holds any entity): the entities as one finished import with
 * its event, then a few of them deactivated (注销) with their events, as a real directory would have.
 */
export async function seedDemoEntities(db: Kysely<Database>, actor: Actor): Promise<void> {
  if ((await countEntities(db)) > 0) return;
  const records = demoEntities();
  const sha256 = createHash('sha256').update(JSON.stringify(records)).digest('hex');
  await inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const importId = randomUUID();
    const fileName = '演示数据:检查对象名录.xlsx';
    const counts = await applyEntities(trx, actor, { importId, fileName, sha256, records, now });
    const summary: ImportSummaryView = { ...counts, sha256, readMs: 0, writeMs: 0 };
    const createdBy = actor.kind === 'user' ? actor.userId : actor.kind === 'system' ? `system:${actor.name}` : 'anonymous';
    await insertFinishedImport(trx, {
      id: importId,
      fileName,
      createdBy,
      createdAt: now,
      rows: records.length,
      summary: JSON.stringify(summary),
    });
    for (const record of records.slice(-INACTIVE)) {
      await setEntityActive(trx, record.uscc, false, now);
      await recordEvent(trx, actor, {
        type: 'inspection.entity_deactivated',
        subject: { type: ENTITY_SUBJECT, id: record.uscc },
        data: { reason: '已办理注销登记' },
      });
    }
  });
}
