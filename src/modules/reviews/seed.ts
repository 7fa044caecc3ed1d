import type { Kysely } from 'kysely';
import type { BlobStore } from '../../platform/blobs/index.js';
import type { NoteSigner } from '../../platform/crypto/signers.js';
import type { Database } from '../../platform/db/schema.js';
import { listCases } from '../cases/index.js';
import { actorOfUsername } from '../org/index.js';
import { CHECKLIST } from './review-data.js';
import { concludeReview } from './review-opinion.js';
import { submitReview, takeReview } from './review-service.js';

// Demo 法制审核 in three states, so the reviewer's inbox shows the whole flow: the social-insurance case
// waiting to be taken, the wage-account case returned with a problem, the child-labour case agreed.

const STATEMENTS: Readonly<Record<string, string>> = {
  某制造公司未按时足额缴纳社会保险费案:
    '经查,该公司少缴职工社会保险费 48000 元,经责令限期补缴逾期未缴。依照裁量基准 RB0005 第 1 阶次,拟处欠缴数额 1.25 倍罚款 60000 元,达到较大数额罚款标准。承办人员张明、李娜均持有效执法证件。',
  某建设集团未按规定开设农民工工资专用账户案:
    '经查,该公司承建项目未开设农民工工资专用账户,逾期未改正。项目农民工 46 人,依照裁量基准 RB0008 第 1 阶次拟处罚款 60000 元。',
  某餐馆使用童工案: '经查,该餐馆使用童工 2 名,工作不足一个月。依照裁量基准 RB0003 第 1 阶次,按每人每月 5000 元拟处罚款 10000 元。',
};

const pass = (problemKey?: string) =>
  CHECKLIST.map((item) =>
    item.key === problemKey
      ? { key: item.key, result: 'problem', note: '调查取证环节未按音像记录清单全程录像,仅有负责人批准的例外说明' }
      : { key: item.key, result: item.key === 'crime' ? 'na' : 'pass', note: '' },
  );

/** Seeds the demo reviews once (nothing when any review exists or the demo cases or accounts are missing). */
export async function seedReviewsDemo(db: Kysely<Database>, deps: { blobs: BlobStore; signers: readonly NoteSigner[] }): Promise<boolean> {
  if (await db.selectFrom('reviews').select('id').limit(1).executeTakeFirst()) return false;
  const officer = await actorOfUsername(db, 'officer1');
  const reviewer = await actorOfUsername(db, 'reviewer');
  if (!officer || !reviewer) return false;
  const ids = new Map<string, string>();
  for (const title of Object.keys(STATEMENTS)) {
    const found = (await listCases(db, officer, { q: title, page: 1, pageSize: 1 })).items[0];
    if (!found) return false;
    ids.set(title, found.id);
  }
  const submit = async (title: string) =>
    submitReview(db, deps, officer, ids.get(title) ?? '', { statement: STATEMENTS[title] ?? '', reportEvidenceIds: [], attested: true });

  await submit('某制造公司未按时足额缴纳社会保险费案');

  const returned = await submit('某建设集团未按规定开设农民工工资专用账户案');
  await takeReview(db, reviewer, returned.id);
  await concludeReview(db, deps, reviewer, returned.id, {
    checklist: pass('evidence'),
    conclusion: 'problems',
    problems: [
      { key: 'evidence', text: '调查取证环节属于全程音像记录事项,现场检查无录像;请补充说明例外审批情况,或补充其他证据证明检查过程' },
    ],
    note: '',
  });

  const agreed = await submit('某餐馆使用童工案');
  await takeReview(db, reviewer, agreed.id);
  await concludeReview(db, deps, reviewer, agreed.id, {
    checklist: pass(),
    conclusion: 'agreed',
    problems: [],
    note: '同意承办机构意见。',
  });
  return true;
}
