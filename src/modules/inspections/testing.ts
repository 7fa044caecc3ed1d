import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { usccCheckChar } from '../../platform/pii/ids.js';
import type { CasesEnv } from '../cases/testing.js';
import { itemData } from '../catalog/testing.js';

// Test-only helpers of the inspections module.

/** A valid 统一社会信用代码 (企业, 法人) from a number: 91 + 6-digit region + 9 digits + check character. */
export function usccOf(n: number, region = '640100'): string {
  const first17 = `91${region}${String(n).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
}

/** Writes `count` active entities straight into the directory (the import has its own tests). */
export async function insertEntities(
  db: Kysely<Database>,
  count: number,
  region: string,
  riskOf: (i: number) => string = () => 'B',
): Promise<{ uscc: string; name: string; risk: string }[]> {
  const base = randomBytes(3).readUIntBE(0, 3) * 50;
  const now = new Date().toISOString();
  const rows = Array.from({ length: count }, (_, i) => ({
    uscc: usccOf(base + i),
    name: `测试企业${base + i}有限公司`,
    legal_representative: '张三',
    address: `某市某区某路 ${i + 1} 号`,
    region,
    industry: '制造业',
    size: '小型',
    risk_class: riskOf(i),
    contact: '李四',
    phone: '0951-0000000',
    active: 1,
    import_id: null,
    created_at: now,
    updated_at: now,
  }));
  for (let i = 0; i < rows.length; i += 50)
    await db
      .insertInto('inspection_entities')
      .values(rows.slice(i, i + 50))
      .execute();
  return rows.map((r) => ({ uscc: r.uscc, name: r.name, risk: r.risk_class }));
}

type Who = keyof CasesEnv['sessions'];

export function inspectionsApi(env: CasesEnv) {
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: Who | null, payload?: unknown) =>
    env.app.inject({
      method,
      url,
      headers: who === null ? {} : method === 'GET' ? { cookie: env.sessions[who].cookie } : env.sessions[who].headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const itemBody = (overrides: Record<string, unknown> = {}) => ({
    category: '劳动保障监察',
    name: '用人单位遵守劳动合同制度情况',
    target: '辖区内用人单位',
    kind: '一般检查事项',
    basis: '《劳动保障监察条例》第十一条',
    content: '劳动合同签订、试用期、押金等',
    method: '现场检查、书面审查',
    percent: 5,
    frequency: '每年不少于 1 次',
    level: '市、县两级',
    field: '劳动保障监察',
    unitId: env.inspectionId,
    ...overrides,
  });
  const planBody = (itemCode: string, today: string, overrides: Record<string, unknown> = {}) => ({
    title: '2026 年度劳动保障随机抽查(第一批)',
    year: Number(today.slice(0, 4)),
    unitId: env.inspectionId,
    description: '',
    itemCodes: [itemCode],
    regions: [],
    industries: [],
    riskClasses: [],
    sampling: { mode: 'percent', values: { 全部: 50 } },
    teamSize: 2,
    maxTasksPerInspector: null,
    field: '劳动保障监察',
    algorithm: 'vrs',
    sources: [
      { name: '双色球开奖号码(红球)', description: '中国福利彩票当日开奖,6 个号码' },
      { name: '双色球开奖号码(蓝球)', description: '1 个号码' },
    ],
    drawOn: today,
    inspectFrom: today,
    inspectTo: today,
    ...overrides,
  });
  return { call, itemBody, planBody };
}

/** Publishes a 行政检查 item of the catalogue (the visits' cases need one) and returns its code. */
export async function publishInspectionItem(env: CasesEnv): Promise<string> {
  const created = await env.app.inject({
    method: 'POST',
    url: '/api/catalog/items',
    headers: env.sessions.reviewer.headers,
    payload: {
      code: `JC-${randomBytes(3).toString('hex').toUpperCase()}`,
      data: itemData(env.inspectionId, {
        name: '对用人单位遵守劳动保障法律法规情况的行政检查',
        category: '行政检查',
        steps: [{ name: '现场检查', role: '劳动保障监察员(不少于 2 人)', timeLimit: '' }],
      }),
    },
  });
  if (created.statusCode !== 201) throw new Error(`inspection item: ${created.statusCode} ${created.body}`);
  const body = created.json<{ id: string; code: string; versions: { id: string }[] }>();
  const published = await env.app.inject({
    method: 'POST',
    url: `/api/catalog/items/${body.id}/versions/${body.versions[0]?.id}/publish`,
    headers: env.sessions.reviewer.headers,
  });
  if (published.statusCode !== 200) throw new Error(`publish inspection item: ${published.statusCode} ${published.body}`);
  return body.code;
}

/** 开始检查, one 现场检查 by the whole team and the 检查结论: what a task needs before its result is recorded. */
export async function visitTask(env: CasesEnv, taskId: string, inspectionItem: string, on: string): Promise<string> {
  const call = async (url: string, payload: Record<string, unknown>) => {
    const res = await env.app.inject({ method: 'POST', url, headers: env.sessions.unitHead.headers, payload });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json<{ inspectionCaseId: string; team: { officerId: string }[] }>();
  };
  const task = await call(`/api/inspections/tasks/${taskId}/start`, { itemCode: inspectionItem });
  const caseId = task.inspectionCaseId;
  await call(`/api/cases/${caseId}/actions/inspect`, {
    performedOn: on,
    note: '检查劳动合同、工资支付台账和考勤记录',
    officerIds: task.team.map((m) => m.officerId),
  });
  await call(`/api/cases/${caseId}/actions/conclude_inspection`, { performedOn: on, note: '检查结论已告知用人单位' });
  return caseId;
}
