import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { plusDays, shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { performAction } from '../cases/index.js';
import { officersOfField } from '../officers/index.js';
import { actorOfUsername } from '../org/index.js';
import { drawPlan } from './draw-service.js';
import { seedDemoEntities } from './entities-seed.js';
import { declareConflict } from './inspectors-service.js';
import { createItem } from './items-service.js';
import type { ItemData } from './model.js';
import { announcePlan, createPlan } from './plans-service.js';
import * as repo from './repository.js';
import { startTask } from './task-cases.js';
import { listTasks, publishResult, recordInspection } from './tasks-service.js';

// The demo's 双随机、一公开: the item list of a 人社 监察 unit (济南人社's list, domain research E2, as the
// model), the directory of entities, declared conflicts, one plan drawn (with results published for a
// few targets) and one announced for a later draw. The drawn plan's one-time code is fixed, so every demo
// database draws the same targets, with a recusal, and `sanxiang draw verify` reproduces it.

/** The demo plan's one-time code (revealed at the draw; its SHA-256 was the announced commitment). */
export const DEMO_CODE = createHash('sha256').update('sanxiang 演示抽取一次性码').digest('hex');
const DEMO_VALUES = [['4', '9', '13', '21', '27', '32'], ['11']];

/** The demo catalogue's 行政检查 item: its AV list requires 实施检查 to be filmed. */
const INSPECTION_ITEM = 'RS-JC-001';

const BASIS = '《劳动保障监察条例》第十一条、第十五条;《人力资源社会保障部关于推广随机抽查规范事中事后监管的通知》(人社部规〔2016〕2号)';

const item = (name: string, content: string, kind: ItemData['kind'], percent: number): ItemData => ({
  category: '劳动保障监察',
  name,
  target: '辖区内用人单位',
  kind,
  basis: BASIS,
  content,
  method: '现场检查、书面审查',
  percent,
  frequency: '每年不少于 1 次,根据监管需要确定',
  level: '市、县(区)两级',
  field: '劳动保障监察',
});

const DEMO_ITEMS: readonly ItemData[] = [
  item('用人单位制定内部劳动保障规章制度情况', '规章制度的制定程序和内容是否合法', '一般检查事项', 5),
  item('用人单位遵守劳动合同制度情况', '书面劳动合同签订、必备条款、试用期、不得扣押证件和收取押金、解除终止手续等', '一般检查事项', 5),
  item('用人单位支付劳动者工资和执行最低工资标准情况', '按时足额支付工资、工资支付台账、最低工资标准执行', '重点检查事项', 10),
  item('用人单位遵守禁止使用童工规定情况', '招用人员身份核验、是否使用未满 16 周岁的未成年人', '重点检查事项', 10),
  item('用人单位遵守工作时间和休息休假规定情况', '工时制度、加班时长及加班费、带薪年休假', '一般检查事项', 5),
];

const SOURCES = (date: string) => [
  { name: `${date} 中国福利彩票双色球开奖号码(红球)`, description: '当晚开奖的 6 个红球号码(演示数据,非真实开奖结果)' },
  { name: `${date} 中国福利彩票双色球开奖号码(蓝球)`, description: '当晚开奖的 1 个蓝球号码(演示数据,非真实开奖结果)' },
];

/** Seeds once (nothing when any item exists, or the demo accounts are missing). */
export async function seedInspectionsDemo(db: Kysely<Database>, today = shanghaiToday()): Promise<boolean> {
  if ((await repo.listCurrentItems(db, undefined)).length > 0) return false;
  const head = await actorOfUsername(db, 'unithead');
  const reviewer = await actorOfUsername(db, 'reviewer');
  if (!head || !reviewer || head.kind !== 'user') return false;
  const unitId = head.unitId;
  await seedDemoEntities(db, reviewer);
  const codes: string[] = [];
  for (const data of DEMO_ITEMS) codes.push((await createItem(db, reviewer, { ...data, unitId })).code);

  // 张明 declares his relations with some 大武口区 employers (his family's and a former employer).
  const unitPath = head.unitPath;
  const inspectors = (await officersOfField(db, unitPath, '劳动保障监察', today)).filter((o) => o.valid);
  const declarant = inspectors.find((o) => o.name === '张明') ?? inspectors[0];
  const population = await repo.populationOf(db, { regions: ['大武口区'], industries: [], riskClasses: [] });
  if (declarant) {
    for (const { uscc } of population.filter((_, i) => i % 3 === 0).slice(0, 12)) {
      await declareConflict(db, reviewer, { officerId: declarant.id, uscc, reason: '近亲属在该单位任职' });
    }
  }

  const year = Number(today.slice(0, 4));
  const drawn = await createPlan(db, head, {
    title: `${year} 年劳动保障监察随机抽查(大武口区)`,
    year,
    unitId,
    description: '按风险分类确定抽查比例:A 类 5%、B 类 10%、C 类 20%、D 类 50%。一次入户检查全部所列事项(进一次门、查多项事)。',
    itemCodes: codes.slice(1, 4),
    regions: ['大武口区'],
    industries: [],
    riskClasses: [],
    sampling: { mode: 'percent', values: { A: 5, B: 10, C: 20, D: 50 } },
    teamSize: 2,
    maxTasksPerInspector: null,
    field: '劳动保障监察',
    algorithm: 'vrs',
    sources: SOURCES(today),
    drawOn: today,
    inspectFrom: today,
    inspectTo: plusDays(today, 30),
    commitment: createHash('sha256').update(Buffer.from(DEMO_CODE, 'hex')).digest('hex'),
  });
  await announcePlan(db, head, drawn.id);
  await drawPlan(db, head, drawn.id, { values: DEMO_VALUES, code: DEMO_CODE });
  const { items: tasks } = await listTasks(db, head, { planId: drawn.id, page: 1, pageSize: 5 });
  const results = ['未发现问题', '发现问题已责令改正', '未发现问题'] as const;
  for (const [i, result] of results.entries()) {
    const task = tasks[i];
    if (!task) break;
    const started = await startTask(db, head, task.id, { itemCode: INSPECTION_ITEM });
    const caseId = started.inspectionCaseId as string;
    await performAction(db, head, caseId, 'inspect', {
      performedOn: today,
      note: `出示执法证件后进入${task.entityName}检查:劳动合同、工资支付台账、考勤记录和招用人员身份登记。`,
      officerIds: task.team.map((m) => m.officerId),
      // The demo has no recordings; a real visit attaches the 执法记录仪 video the AV list requires.
      avException: { reason: '演示数据:未附执法记录仪录像' },
    });
    await performAction(db, head, caseId, 'conclude_inspection', {
      performedOn: today,
      note: result === '未发现问题' ? '未发现违反劳动保障法律法规的行为。' : '2 名劳动者未签订书面劳动合同,已当场责令限期改正;复查已改正。',
    });
    await recordInspection(db, head, task.id, {
      inspectedFrom: today,
      inspectedTo: today,
      result,
      findings: result === '未发现问题' ? '' : '2 名劳动者未签订书面劳动合同,已当场责令限期改正,复查已改正。',
    });
    await publishResult(db, head, task.id);
  }

  const next = plusDays(today, 7);
  const announced = await createPlan(db, head, {
    title: `${year} 年劳动保障监察随机抽查(惠农区、平罗县)`,
    year,
    unitId,
    description: '全部用人单位统一按 5% 抽取。',
    itemCodes: codes,
    regions: ['惠农区', '平罗县'],
    industries: [],
    riskClasses: [],
    sampling: { mode: 'percent', values: { 全部: 5 } },
    teamSize: 2,
    maxTasksPerInspector: 6,
    field: '劳动保障监察',
    algorithm: 'vrs',
    sources: SOURCES(next),
    drawOn: next,
    inspectFrom: next,
    inspectTo: plusDays(next, 30),
  });
  await announcePlan(db, head, announced.id);
  return true;
}
