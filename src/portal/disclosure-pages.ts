import type { FastifyInstance } from 'fastify';
import {
  avRuleKind,
  benchmarkKind,
  listPublicEntries,
  listPublicItems,
  reviewRuleKind,
  windowBoardKind,
} from '../modules/catalog/index.js';
import { listPublicRoster } from '../modules/officers/index.js';
import { listPublicDecisions } from '../modules/publications/index.js';
import type { AppContext } from '../platform/http/context.js';
import { latestCheckpoint } from '../platform/ledger/repository.js';
import { agencyNameOf, pageQr, render } from './page-kit.js';

interface HubCard {
  href: string;
  title: string;
  description: string;
  count: string;
}

/** 行政执法公示 (/disclosure): one card per public list, each with what it holds and how many. */
export async function disclosurePages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const db = ctx.db.kysely;
  const first = { page: 1, pageSize: 1 };

  app.get('/disclosure', { schema: { hide: true } }, async (request, reply) => {
    const [agencyName, roster, items, benchmarks, avRules, reviewRules, boards, decisions, checkpoint, qr] = await Promise.all([
      agencyNameOf(ctx),
      listPublicRoster(db, first),
      listPublicItems(db, first),
      listPublicEntries(db, benchmarkKind, first),
      listPublicEntries(db, avRuleKind, first),
      listPublicEntries(db, reviewRuleKind, first),
      listPublicEntries(db, windowBoardKind, first),
      listPublicDecisions(db, first),
      latestCheckpoint(db),
      pageQr(request, '/disclosure'),
    ]);
    const cards: HubCard[] = [
      {
        href: '/roster',
        title: '行政执法人员清单',
        description: '取得行政执法证件、从事执法工作的人员,可逐一核验证件是否有效。',
        count: roster.version ? `${roster.total} 名执法人员` : '尚未公开',
      },
      {
        href: '/items',
        title: '行政执法事项清单',
        description: '本机关的执法事项(权责清单)、法律依据、服务指南和执法流程图。',
        count: `${items.total} 项事项`,
      },
      {
        href: '/benchmarks',
        title: '行政处罚裁量基准',
        description: '每种违法行为的处罚依据、裁量阶次、罚款幅度和不予处罚的情形。',
        count: `${benchmarks.total} 项违法行为`,
      },
      {
        href: '/av-list',
        title: '音像记录事项清单',
        description: '哪些执法环节必须全程音像记录,哪些根据需要记录,以及记录设备和保存期限。',
        count: `${avRules.total} 个执法环节`,
      },
      {
        href: '/review-catalogue',
        title: '重大执法决定法制审核目录',
        description: '符合目录任一情形的执法决定,须经法制审核后才能作出。',
        count: `${reviewRules.total} 条审核情形`,
      },
      {
        href: '/windows',
        title: '岗位职责公示牌',
        description: '服务窗口的工作人员、岗位职责、办理事项、所需材料和投诉渠道。',
        count: `${boards.total} 个窗口`,
      },
      {
        href: '/decisions',
        title: '执法决定公开',
        description: '作出的行政处罚等执法决定的摘要和去除个人信息后的全文,以及撤回说明。',
        count: `${decisions.total} 件决定`,
      },
      {
        href: '/integrity',
        title: '执法记录完整性',
        description: '每项执法记录都记入不可改写的电子账本,签名检查点公开供任何人核验。',
        count: checkpoint ? `已记录 ${checkpoint.size} 项操作` : '尚无检查点',
      },
    ];
    return render(reply, 'disclosure', {
      title: '行政执法公示',
      agencyName,
      crumbs: [{ href: '/', label: '首页' }],
      cards,
      pageQr: qr,
    });
  });
}
