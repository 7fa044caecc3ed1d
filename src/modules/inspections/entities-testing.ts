import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loginAs, type Session, testDeps } from '../../../test/support/app.js';
import { makeUnit, makeUser } from '../../../test/support/factories.js';
import { buildApp } from '../../app.js';
import type { UserActor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/roles.js';
import type { Db } from '../../platform/db/connect.js';
import { usccCheckChar } from '../../platform/pii/ids.js';
import type { EntityRecord } from './entities-repository.js';
import type { ImportView } from './entities-views.js';

// Test-only helpers of the 检查对象名录库: the app, people of each role, and files to upload.

export type Who = 'reviewer' | 'unitHead' | 'officer' | 'supervisor';

export interface EntitiesEnv {
  app: FastifyInstance;
  sessions: Record<Who, Session>;
  actors: Record<Who, UserActor>;
}

/** The app and one signed-in user per role that matters. */
export async function startEntitiesEnv(db: Db): Promise<EntitiesEnv> {
  const deps = testDeps(db);
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  const root = await makeUnit(db.kysely, { name: `某市市场监管局-${randomBytes(3).toString('hex')}` });
  const section = await makeUnit(db.kysely, { parentId: root.id, name: '执法稽查科' });
  const plan: Record<Who, { unitId: string; unitPath: string; roles: Role[] }> = {
    reviewer: { unitId: root.id, unitPath: root.path, roles: ['legal_reviewer'] },
    unitHead: { unitId: section.id, unitPath: section.path, roles: ['unit_head'] },
    officer: { unitId: section.id, unitPath: section.path, roles: ['officer'] },
    supervisor: { unitId: root.id, unitPath: root.path, roles: ['supervisor'] },
  };
  const sessions: Partial<Record<Who, Session>> = {};
  const actors: Partial<Record<Who, UserActor>> = {};
  for (const [who, spec] of Object.entries(plan) as [Who, (typeof plan)[Who]][]) {
    const user = await makeUser(db.kysely, { unitId: spec.unitId, roles: spec.roles });
    sessions[who] = await loginAs(app, user.username, user.password);
    actors[who] = { kind: 'user', userId: user.id, username: user.username, displayName: user.displayName, ...spec };
  }
  return { app, sessions: sessions as Record<Who, Session>, actors: actors as Record<Who, UserActor> };
}

/** A valid USCC from a number (distinct numbers, distinct codes). */
export function usccOf(n: number): string {
  const body = `91640202MA${String(n).padStart(7, '0')}`;
  return `${body}${usccCheckChar(body)}`;
}

/** A USCC whose check character is wrong. */
export function badCheckUscc(n: number): string {
  const good = usccOf(n);
  const wrong = good.endsWith('0') ? '1' : '0';
  return `${good.slice(0, 17)}${wrong}`;
}

/** Entity `n` of a test file, region and industry cycling through small sets. */
export function entityRecord(n: number, overrides: Partial<EntityRecord> = {}): EntityRecord {
  return {
    uscc: usccOf(n),
    name: `测试市场主体${n}有限公司`,
    legalRepresentative: '张三',
    address: `某市大武口区朝阳西街 ${n} 号`,
    region: ['大武口区', '惠农区', '平罗县'][n % 3] ?? '大武口区',
    industry: ['制造业', '建筑业'][n % 2] ?? '制造业',
    size: '小型',
    riskClass: ['A', 'B', 'C', 'D'][n % 4] ?? 'B',
    contact: '李四',
    phone: '0952-1234567',
    ...overrides,
  };
}

export const HEADERS = [
  '统一社会信用代码',
  '名称',
  '法定代表人',
  '住所(地址)',
  '所属区域',
  '行业',
  '规模',
  '风险等级',
  '联络人',
  '联系电话',
];

export const cellsOf = (r: EntityRecord): string[] => [
  r.uscc,
  r.name,
  r.legalRepresentative,
  r.address,
  r.region,
  r.industry,
  r.size,
  r.riskClass,
  r.contact,
  r.phone,
];

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** CSV text (CRLF, as Excel writes it) of a header row and data rows. */
export function csvText(rows: readonly (readonly string[])[], header: readonly string[] = HEADERS): string {
  return `${[header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

let gbkTable: Map<string, number[]> | null = null;

/** GBK bytes of a text (tests only: Node decodes GB18030 but has no encoder; the table is built from the decoder). */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\ufffd' && !gbkTable.has(char)) gbkTable.set(char, [lead, trail]);
      }
    }
  }
  const table = gbkTable;
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(char);
      if (!pair) throw new Error(`no GBK code for ${char}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

/** An .xlsx with one data sheet (any header order) and, like the template, a 说明 sheet after it. */
export async function xlsxFile(
  rows: readonly (readonly string[])[],
  header: readonly string[] = HEADERS,
  sheetName = '检查对象',
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow([...row]);
  workbook.addWorksheet('说明').addRow(['这里不是数据']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function entitiesApi(env: EntitiesEnv) {
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: Who | null, payload?: Record<string, unknown>) =>
    env.app.inject({
      method,
      url,
      headers: who === null ? {} : method === 'GET' ? { cookie: env.sessions[who].cookie } : env.sessions[who].headers,
      ...(payload === undefined ? {} : { payload }),
    });
  const upload = (body: Buffer | string, fileName: string, who: Who = 'reviewer', type = 'text/csv') =>
    env.app.inject({
      method: 'POST',
      url: '/api/inspections/entity-imports',
      headers: { ...env.sessions[who].headers, 'content-type': type, 'x-file-name': encodeURIComponent(fileName) },
      payload: body,
    });
  /** Polls the import until it has finished reading (tests use small files: a few polls at most). */
  async function waitFor(id: string, who: Who = 'reviewer'): Promise<ImportView> {
    for (let i = 0; i < 500; i++) {
      const res = await call('GET', `/api/inspections/entity-imports/${id}`, who);
      if (res.statusCode !== 200) throw new Error(`import ${id}: ${res.statusCode} ${res.body}`);
      const view = res.json<ImportView>();
      if (view.state !== 'reading') return view;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`import ${id} still reading`);
  }
  /** Uploads and waits: the finished import. */
  async function importFile(body: Buffer | string, fileName: string, type = 'text/csv'): Promise<ImportView> {
    const res: LightMyRequestResponse = await upload(body, fileName, 'reviewer', type);
    if (res.statusCode !== 202) throw new Error(`upload: ${res.statusCode} ${res.body}`);
    return waitFor(res.json<ImportView>().id);
  }
  return { call, upload, waitFor, importFile };
}
