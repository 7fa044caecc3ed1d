import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { actorOfUsername } from '../org/index.js';
import { listPendingCases } from './case-files-read.js';
import { type ArchiveDeps, acceptCaseFile, previewCaseFile } from './case-files-service.js';

/**
 * The demo archive: the demo's closed penalty case accepted by the demo archivist (四性检测, 档号, 封面,
 * 卷内目录, 备考表), so the console shows an archived file to open and export. Once, into an empty archive.
 */
export async function seedArchivesDemo(db: Kysely<Database>, deps: ArchiveDeps): Promise<void> {
  if (await db.selectFrom('case_files').select('id').limit(1).executeTakeFirst()) return;
  const archivist = await actorOfUsername(db, 'archivist');
  if (archivist?.kind !== 'user') return;
  const pending = await listPendingCases(db, archivist, {});
  const penalty = pending.filter((c) => c.procedure === 'general').sort((a, b) => a.caseNo.localeCompare(b.caseNo))[0];
  if (!penalty) return;
  const plan = await previewCaseFile(db, deps, archivist, penalty.id);
  await acceptCaseFile(db, deps, archivist, penalty.id, {
    pages: plan.suggestedPages,
    note: '演示案卷:文书齐全,执法文书为系统生成的电子文件,证据以原件电子文件归档。',
  });
}
