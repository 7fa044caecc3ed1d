import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { BlobStore } from '../../platform/blobs/index.js';
import { loadCalendar, plusDays, shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { usccCheckChar } from '../../platform/pii/ids.js';
import type { DocumentType } from '../documents/index.js';
import { actorOfUsername } from '../org/index.js';
import type { ActionInput } from './action-input.js';
import { performAction, recordPayment } from './actions.js';
import type { PartyInput, RegisterCaseInput } from './case-data.js';
import { issueCaseDocument } from './case-documents.js';
import { registerCase } from './case-service.js';
import type { Action } from './procedure.js';

// Demo cases at different stages so a new user sees the whole flow: a social-insurance case closed
// after payment, another waiting out its statement period, a wage-arrears complaint just filed and a
// child-labour report not yet accepted. The companies are invented; their codes carry valid check characters.

const company = (name: string, prefix17: string, legalRepresentative: string, address: string): PartyInput => ({
  kind: 'organization',
  name,
  idNo: `${prefix17}${usccCheckChar(prefix17)}`,
  address,
  legalRepresentative,
  phone: '',
});

interface Actors {
  officer: Actor;
  head: Actor;
}

/** A procedure step, or the issuing of a document by the officer (its unit's profile supplies contact and account). */
type Step = [Action, 'officer' | 'head', string, Partial<ActionInput>?] | ['issue', DocumentType];

async function run(db: Kysely<Database>, blobs: BlobStore, actors: Actors, caseId: string, steps: readonly Step[]): Promise<void> {
  for (const step of steps) {
    if (step[0] === 'issue') await issueCaseDocument(db, blobs, actors.officer, caseId, { type: step[1], data: {} });
    else {
      const [action, who, performedOn, more] = step;
      await performAction(db, actors[who], caseId, action, { performedOn, note: '', ...more });
    }
  }
}

/** Seeds the demo cases once (nothing when any case exists, or when the demo accounts or data are missing). */
export async function seedCasesDemo(db: Kysely<Database>, blobs: BlobStore, today = shanghaiToday()): Promise<boolean> {
  if (await db.selectFrom('cases').select('id').limit(1).executeTakeFirst()) return false;
  const officer = await actorOfUsername(db, 'officer1');
  const head = await actorOfUsername(db, 'unithead');
  const officers = await db.selectFrom('officers').select(['id', 'name']).execute();
  const id = (name: string) => officers.find((o) => o.name === name)?.id;
  const zhang = id('张明');
  const li = id('李娜');
  if (!officer || !head || !zhang || !li) return false;
  const actors: Actors = { officer, head };
  const team = [
    { officerId: zhang, role: 'lead' as const },
    { officerId: li, role: 'assist' as const },
  ];
  const base = { unitId: officer.unitId, procedure: 'general' as const, officers: team };
  const calendar = await loadCalendar(db);
  const day = (n: number) => plusDays(today, -n);

  // 1. Closed: inspection found unpaid social insurance; fine of 1.25 × the 20 000 yuan owed (RB0005 tier 1).
  const closed = await registerCase(db, officer, {
    ...base,
    title: '某商贸公司未按时足额缴纳社会保险费案',
    source: '日常巡查',
    itemCode: 'RS-CF-003',
    receivedOn: day(60),
    summary: '日常巡查发现该公司 2026 年 1 月至 6 月少缴职工社会保险费共计 20000 元,经责令限期补缴逾期仍未缴纳。',
    parties: [company('石嘴山市某商贸有限公司', '91640200MA76B3C4D', '刘某', '石嘴山市大武口区某路 12 号')],
  });
  const notifiedServed = day(44);
  const decidedOn = calendar.nextWorkingDayOnOrAfter(plusDays(calendar.addWorkingDays(notifiedServed, 5), 1));
  const served = plusDays(decidedOn, 1);
  const penalty = { types: ['罚款'], fineYuan: 25000, basisQuantity: 20000, description: '处欠缴数额 1.25 倍罚款,计 25000 元' };
  await run(db, blobs, actors, closed.id, [
    ['accept', 'officer', day(59), { note: '巡查发现,决定受理' }],
    ['file', 'head', day(58), { note: '同意立案' }],
    ['issue', 'filing_approval'],
    [
      'investigate',
      'officer',
      day(55),
      { note: '调取该公司社保缴费记录和工资表,询问财务负责人刘某,制作询问笔录。', officerIds: [zhang, li] },
    ],
    ['end_investigation', 'officer', day(50), { note: '违法事实清楚,证据确实充分,拟按裁量基准 RB0005 第 1 阶次处罚。' }],
    [
      'notify',
      'head',
      day(46),
      { note: '拟处罚款 25000 元', penalty, benchmark: { code: 'RB0005', tierNo: 1, departureReason: '' }, hearingOffered: true },
    ],
    ['issue', 'penalty_prior_notice'],
    ['serve_notice', 'officer', notifiedServed, { note: '当面送达', service: { method: '直接送达', recipient: '刘某' } }],
    ['decide', 'head', decidedOn, { note: '当事人未陈述申辩,未申请听证;维持拟处罚意见。', penalty }],
    ['issue', 'penalty_decision'],
    ['serve_decision', 'officer', served, { note: '当面送达,当事人签收', service: { method: '直接送达', recipient: '刘某' } }],
  ]);
  await recordPayment(db, officer, closed.id, {
    receiptNo: `DEMO-${today.slice(0, 4)}-000123`,
    amountYuan: 25000,
    paidOn: plusDays(served, 6),
  });
  await run(db, blobs, actors, closed.id, [
    ['close', 'head', plusDays(served, 7), { note: '罚款已缴清,违法行为已改正,同意结案。' }],
    ['issue', 'closing_approval'],
  ]);

  // 2. Statement period running after the prior notice was served.
  const noticed = await registerCase(db, officer, {
    ...base,
    title: '某制造公司未按时足额缴纳社会保险费案',
    source: '举报',
    itemCode: 'RS-CF-003',
    receivedOn: day(21),
    summary: '职工举报该公司未为其足额缴纳社会保险费。',
    parties: [company('石嘴山市某机械制造有限公司', '91640200MA76C5E6F', '赵某', '石嘴山市惠农区某工业园 8 号')],
  });
  const notice = { types: ['罚款'], fineYuan: 60000, basisQuantity: 48000, description: '拟处欠缴数额 1.25 倍罚款,计 60000 元' };
  await run(db, blobs, actors, noticed.id, [
    ['accept', 'officer', day(20), { note: '举报材料齐全,予以受理' }],
    ['file', 'head', day(19), { note: '同意立案' }],
    ['issue', 'filing_approval'],
    ['investigate', 'officer', day(15), { note: '调取缴费明细,询问人事负责人。', officerIds: [zhang, li] }],
    ['end_investigation', 'officer', day(9), { note: '少缴社会保险费 48000 元,事实清楚。' }],
    [
      'notify',
      'head',
      day(3),
      {
        note: '拟处罚款 60000 元',
        penalty: notice,
        benchmark: { code: 'RB0005', tierNo: 1, departureReason: '' },
        hearingOffered: true,
      },
    ],
    ['issue', 'penalty_prior_notice'],
    ['serve_notice', 'officer', day(2), { note: '邮寄送达', service: { method: '邮寄送达', recipient: '赵某' } }],
  ]);

  // 3. A wage-arrears complaint, accepted and filed: the investigation clock runs.
  const wages = await registerCase(db, officer, {
    ...base,
    title: '某建筑公司拖欠农民工工资案',
    source: '投诉',
    itemCode: 'RS-CF-001',
    receivedOn: day(5),
    summary: '12 名农民工投诉该公司拖欠 2026 年 8 月至 10 月工资共计 21.6 万元。',
    parties: [company('宁夏某建筑工程有限公司', '91640200MA76D7G8H', '孙某', '石嘴山市大武口区某街 3 号')],
  });
  await run(db, blobs, actors, wages.id, [
    ['accept', 'officer', day(4), { note: '投诉材料齐全,予以受理' }],
    ['file', 'head', day(3), { note: '同意立案,由张明、李娜承办' }],
    ['issue', 'filing_approval'],
  ]);

  // 4. A child-labour report just registered: to be accepted within 5 working days.
  await registerCase(db, officer, {
    ...base,
    title: '某餐饮店涉嫌使用童工案',
    source: '举报',
    itemCode: 'RS-CF-002',
    receivedOn: today,
    summary: '群众举报该餐饮店后厨有未满 16 周岁的未成年人工作。',
    parties: [company('大武口区某餐饮店', '92640202MA76E9J0K', '周某', '石嘴山市大武口区某巷 5 号')],
  });

  // 5 and 6. Two major cases (法制审核目录: 较大数额罚款; 使用童工案件) notified and served, for 法制审核.
  await seedMajorCases(db, blobs, actors, { base, zhang, li, day });
  return true;
}

/** The investigation of an item whose 调查取证 must be filmed, passed as an approved exception (the demo ships no video). */
const AV_EXCEPTION = { reason: '执法记录仪故障,现场以询问笔录和照片记录,经负责人批准' };

async function seedMajorCases(
  db: Kysely<Database>,
  blobs: BlobStore,
  actors: Actors,
  ctx: {
    base: Omit<RegisterCaseInput, 'title' | 'source' | 'itemCode' | 'receivedOn' | 'summary' | 'parties'>;
    zhang: string;
    li: string;
    day: (n: number) => string;
  },
): Promise<void> {
  const { base, zhang, li, day } = ctx;
  const account = await registerCase(db, actors.officer, {
    ...base,
    title: '某建设集团未按规定开设农民工工资专用账户案',
    source: '双随机',
    itemCode: 'RS-CF-001',
    receivedOn: day(30),
    summary: '双随机抽查发现该公司承建的某小区项目未开设农民工工资专用账户,经责令限期改正逾期仍未改正。',
    parties: [company('宁夏某建设集团有限公司', '91640200MA76F1A2B', '钱某', '石嘴山市大武口区某大道 88 号')],
  });
  const fine = { types: ['罚款'], fineYuan: 60000, basisQuantity: 46, description: '' };
  await run(db, blobs, actors, account.id, [
    ['accept', 'officer', day(29), { note: '抽查发现违法线索,予以受理' }],
    ['file', 'head', day(28), { note: '同意立案' }],
    ['issue', 'filing_approval'],
    [
      'investigate',
      'head',
      day(25),
      { note: '检查项目工资支付情况,询问项目经理,调取用工实名制名册(农民工 46 人)。', officerIds: [zhang, li], avException: AV_EXCEPTION },
    ],
    ['end_investigation', 'officer', day(20), { note: '未开设农民工工资专用账户,逾期未改正,事实清楚。' }],
    [
      'notify',
      'head',
      day(14),
      { note: '拟处罚款 60000 元', penalty: fine, benchmark: { code: 'RB0008', tierNo: 1, departureReason: '' }, hearingOffered: true },
    ],
    ['issue', 'penalty_prior_notice'],
    ['serve_notice', 'officer', day(13), { note: '当面送达', service: { method: '直接送达', recipient: '钱某' } }],
  ]);

  const child = await registerCase(db, actors.officer, {
    ...base,
    title: '某餐馆使用童工案',
    source: '举报',
    itemCode: 'RS-CF-002',
    receivedOn: day(26),
    summary: '群众举报该餐馆雇用两名未满 16 周岁的未成年人从事洗碗工作。',
    parties: [company('惠农区某餐馆', '92640205MA76G3C4D', '吴某', '石嘴山市惠农区某街 9 号')],
  });
  const childFine = { types: ['罚款'], fineYuan: 10000, basisQuantity: 2, description: '按使用童工 2 人、每人每月 5000 元计算' };
  await run(db, blobs, actors, child.id, [
    ['accept', 'officer', day(25), { note: '举报属实的可能性较大,予以受理' }],
    ['file', 'head', day(24), { note: '同意立案' }],
    ['issue', 'filing_approval'],
    [
      'investigate',
      'head',
      day(22),
      { note: '现场检查后厨,核实两名未成年人身份和工作时间,询问经营者吴某。', officerIds: [zhang, li], avException: AV_EXCEPTION },
    ],
    ['end_investigation', 'officer', day(18), { note: '使用童工 2 名,工作不足一个月,事实清楚;两名未成年人已送回原居住地。' }],
    [
      'notify',
      'head',
      day(12),
      {
        note: '拟处罚款 10000 元',
        penalty: childFine,
        benchmark: { code: 'RB0003', tierNo: 1, departureReason: '' },
        hearingOffered: true,
      },
    ],
    ['issue', 'penalty_prior_notice'],
    ['serve_notice', 'officer', day(11), { note: '当面送达', service: { method: '直接送达', recipient: '吴某' } }],
  ]);
}
