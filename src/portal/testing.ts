import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loginAs, type Session, testApp } from '../../test/support/app.js';
import { seedCatalogDemo } from '../modules/catalog/index.js';
import { DEMO_PASSWORD, seedDemo } from '../modules/org/index.js';
import type { Db } from '../platform/db/connect.js';

// Test-only helpers of the portal: the demo agency and catalogue, plus drafts and versions made through the staff API.

type Data = Record<string, unknown>;

export interface PortalEnv {
  app: FastifyInstance;
  reviewer: Session;
  /** Version ids of the unpublished drafts made on top of the demo catalogue. */
  drafts: { benchmark: string; avRule: string; reviewRule: string; windowBoard: string; item: string };
  /** The id of a benchmark version that a newer published one replaced. */
  supersededBenchmark: string;
}

export const DRAFT_TEXT = {
  benchmarkName: '草稿中的违法行为名称',
  avNote: '草稿音像规则说明',
  reviewRuleName: '草稿审核规则',
  reviewExplanation: '拟作出限制从业决定的,须经法制审核。',
  staffName: '草稿人员',
  republishedName: '违反女职工和未成年工特殊劳动保护规定(第二版)',
} as const;

export async function startPortalEnv(db: Db): Promise<PortalEnv> {
  await seedDemo(db.kysely);
  await seedCatalogDemo(db.kysely);
  const app = await testApp(db);
  const reviewer = await loginAs(app, 'reviewer', DEMO_PASSWORD);
  const call = async (method: 'GET' | 'POST', url: string, payload?: Data): Promise<Data> => {
    const res: LightMyRequestResponse = await app.inject({ method, url, headers: reviewer.headers, payload });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<Data>();
  };
  /** An entry's id and the data of its newest version. */
  const entry = async (kind: string, code: string) => {
    const page = (await call('GET', `/api/catalog/${kind}?q=${encodeURIComponent(code)}`)) as {
      items: { id: string; latestVersion: { data: Data } }[];
    };
    const found = page.items[0];
    if (!found) throw new Error(`no ${kind} ${code}`);
    return { id: found.id, data: found.latestVersion.data };
  };
  const draftOf = async (kind: string, code: string, change: (data: Data) => Data): Promise<{ itemId: string; versionId: string }> => {
    const { id, data } = await entry(kind, code);
    const version = (await call('POST', `/api/catalog/${kind}/${id}/versions`, { data: change(data) })) as { id: string };
    return { itemId: id, versionId: version.id };
  };
  const created = async (kind: string, code: string, from: string, change: (data: Data) => Data): Promise<string> => {
    const made = (await call('POST', `/api/catalog/${kind}`, { code, data: change((await entry(kind, from)).data) })) as {
      versions: { id: string }[];
    };
    return made.versions[0]?.id ?? '';
  };

  const benchmark = await draftOf('benchmarks', 'RB0001', (d) => ({ ...d, name: DRAFT_TEXT.benchmarkName }));
  const republished = await draftOf('benchmarks', 'RB0002', (d) => ({ ...d, name: DRAFT_TEXT.republishedName }));
  await call('POST', `/api/catalog/benchmarks/${republished.itemId}/versions/${republished.versionId}/publish`);
  const rb2 = (await call('GET', `/api/catalog/benchmarks/${republished.itemId}`)) as { versions: { id: string; status: string }[] };
  const board = await draftOf('window-boards', 'CK01', (d) => ({
    ...d,
    staff: [{ name: DRAFT_TEXT.staffName, post: '受理岗', certificateNo: '640200200009' }],
  }));
  const item = await entry('items', 'RS-CF-003');
  const itemVersions = (await call('GET', `/api/catalog/items/${item.id}`)) as { draftVersionId: string };
  return {
    app,
    reviewer,
    drafts: {
      benchmark: benchmark.versionId,
      avRule: await created('av-rules', 'AV-DRAFT', 'AV0004', (d) => ({ ...d, notes: DRAFT_TEXT.avNote })),
      reviewRule: await created('review-rules', 'ZD-DRAFT', 'ZD002', (d) => ({
        ...d,
        name: DRAFT_TEXT.reviewRuleName,
        penaltyTypes: ['限制从业'],
      })),
      windowBoard: board.versionId,
      item: itemVersions.draftVersionId,
    },
    supersededBenchmark: rb2.versions.find((v) => v.status === 'superseded')?.id ?? '',
  };
}
