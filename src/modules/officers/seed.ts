import type { Kysely } from 'kysely';
import { systemActor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors.js';
import { publishDeadline } from './deadline.js';
import { anyOfficer, listUnitNames, listUsernames } from './officers-repository.js';
import { insertOfficer } from './officers-service.js';
import { insertBatch } from './roster-batches.js';
import { confirmInTransaction, submitInTransaction } from './roster-decisions.js';
import { insertTraining } from './training-service.js';
import { addDays, shanghaiToday } from './validity.js';

const ISSUER = '宁夏回族自治区人民政府';
const INSPECTION = '劳动保障监察监督局';

interface DemoOfficer {
  name: string;
  unit: string;
  username?: string;
  position: string;
  categories: string[];
  serial: string;
  /** Days from today to the last valid day. */
  validForDays: number;
  status?: string;
  legal?: { level: string; certificateNo: string };
  training?: { kind: string; daysAgo: number; hours: number; provider: string }[];
}

const PROVIDER = '宁夏回族自治区司法厅';

const DEMO_OFFICERS: readonly DemoOfficer[] = [
  {
    name: '王建国',
    unit: INSPECTION,
    username: 'unithead',
    position: '局长',
    categories: ['劳动保障监察', '劳动关系'],
    serial: '0001',
    validForDays: 900,
    legal: { level: 'A', certificateNo: 'A20116402000123' },
    training: [{ kind: 'in_service', daysAgo: 120, hours: 40, provider: PROVIDER }],
  },
  {
    name: '张明',
    unit: INSPECTION,
    username: 'officer1',
    position: '劳动保障监察员',
    categories: ['劳动保障监察'],
    serial: '0002',
    validForDays: 700,
    training: [
      { kind: 'pre_service', daysAgo: 800, hours: 60, provider: PROVIDER },
      { kind: 'in_service', daysAgo: 90, hours: 40, provider: '石嘴山市司法局' },
    ],
  },
  // Expires within 30 days: shows in the alerts.
  {
    name: '李娜',
    unit: INSPECTION,
    username: 'officer2',
    position: '劳动保障监察员',
    categories: ['劳动保障监察'],
    serial: '0003',
    validForDays: 18,
  },
  // Expired: verification shows 已过期 and the public list leaves it out.
  { name: '马晓东', unit: INSPECTION, position: '四级主任科员', categories: ['劳动保障监察'], serial: '0004', validForDays: -45 },
  // Suspended (暂扣).
  {
    name: '杨丽',
    unit: INSPECTION,
    position: '一级科员',
    categories: ['劳动保障监察'],
    serial: '0005',
    validForDays: 500,
    status: 'suspended',
  },
  {
    name: '周海涛',
    unit: '基金监督科',
    position: '科长',
    categories: ['社会保险基金监督'],
    serial: '0006',
    validForDays: 1000,
    legal: { level: 'C', certificateNo: 'C20196402000456' },
  },
  {
    // 政策法规科's 法制审核人员: holds 法律职业资格, as a first review requires (plan §11).
    name: '赵法审',
    unit: '政策法规科',
    username: 'reviewer',
    position: '法制审核员',
    categories: ['法制审核'],
    serial: '0009',
    validForDays: 1200,
    legal: { level: 'A', certificateNo: 'A20156402000789' },
    training: [{ kind: 'in_service', daysAgo: 60, hours: 24, provider: PROVIDER }],
  },
  { name: '白雪', unit: '工伤科', position: '副科长', categories: ['工伤保险'], serial: '0007', validForDays: 600 },
  {
    name: '丁志强',
    unit: '社保局',
    position: '稽核员',
    categories: ['社会保险稽核', '社会保险基金监督'],
    serial: '0008',
    validForDays: 800,
  },
];

/**
 * Demo 执法人员 (8 people, mostly of the 劳动保障监察监督局), already confirmed by the justice bureau and
 * published as roster version 1. Does nothing (returns false) when any officer exists, or when there
 * is no unit to put them in.
 */
export async function seedOfficersDemo(db: Kysely<Database>, today = shanghaiToday()): Promise<boolean> {
  const actor = systemActor('seed-demo');
  if (await anyOfficer(db)) return false;
  const units = await listUnitNames(db);
  const root = units.find((u) => u.parent_id === null);
  if (!root) return false;
  const users = await listUsernames(db);
  // The demo roster is published the moment it is confirmed. Near a year's end the 5-working-day
  // deadline may fall in a year whose holidays nobody has entered yet; the demo must still start, so
  // the deadline is then the publication day itself and the batch says why.
  let deadline = today;
  let note = '演示数据:首次公开';
  try {
    deadline = await publishDeadline(db, today);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'calendar_year_unknown') throw error;
    note = `${note}(下一年度节假日安排尚未录入,发布期限按公开当日记)`;
  }
  return inTransaction(db, async (trx) => {
    const ids: string[] = [];
    for (const o of DEMO_OFFICERS) {
      const validTo = addDays(today, o.validForDays);
      const id = await insertOfficer(trx, actor, {
        userId: users.find((u) => u.username === o.username)?.id ?? null,
        name: o.name,
        unitId: units.find((u) => u.name === o.unit)?.id ?? root.id,
        position: o.position,
        categories: o.categories,
        certificateNo: `64020020${o.serial}`,
        issuingAuthority: ISSUER,
        validFrom: addDays(validTo, -5 * 365),
        validTo,
        status: o.status ?? 'active',
        legalQualification: o.legal ?? { level: 'none' },
      });
      for (const t of o.training ?? []) {
        await insertTraining(trx, actor, id, { kind: t.kind, date: addDays(today, -t.daysAgo), hours: t.hours, provider: t.provider });
      }
      ids.push(id);
    }
    const batchId = await insertBatch(trx, actor, {
      title: `${today.slice(0, 4)}年度行政执法人员清单`,
      note,
      items: ids.map((officerId) => ({ officerId, action: 'upsert' })),
    });
    await submitInTransaction(trx, actor, batchId);
    await confirmInTransaction(trx, actor, batchId, deadline);
    return true;
  });
}
