import type { Kysely } from 'kysely';
import { seedAnnualReportsDemo } from './modules/annual-reports/index.js';
import { seedArchivesDemo } from './modules/archives/index.js';
import { seedCasesDemo } from './modules/cases/index.js';
import { seedCatalogDemo } from './modules/catalog/index.js';
import { seedDocumentPrefixesDemo, seedDocumentProfilesDemo } from './modules/documents/index.js';
import { seedInspectionsDemo } from './modules/inspections/index.js';
import { seedOfficersDemo } from './modules/officers/index.js';
import { seedDemo } from './modules/org/index.js';
import { seedPublicationsDemo } from './modules/publications/index.js';
import { seedReviewsDemo } from './modules/reviews/index.js';
import { seedViolationNoticesDemo } from './modules/violation-notices/index.js';
import type { BlobStore } from './platform/blobs/index.js';
import { seedCalendarFromChineseDays } from './platform/calendar/index.js';
import type { NoteSigner } from './platform/crypto/signers.js';
import type { Database } from './platform/db/schema.js';

/**
 * The demo agency for `serve --demo` and `seed --demo`: the bureau, its units and demo accounts,
 * then its officers and published roster (which needs the working-day calendar), the 执法公示 lists and
 * demo cases at different stages. Does nothing on a
 * database that is already in use; returns whether it seeded.
 */
export async function seedDemoAgency(
  db: Kysely<Database>,
  blobs: BlobStore,
  ledger: { readonly origin: string; readonly signers: readonly NoteSigner[] },
): Promise<boolean> {
  const { signers } = ledger;
  await seedCalendarFromChineseDays(db);
  if (!(await seedDemo(db))) return false;
  await seedOfficersDemo(db);
  await seedCatalogDemo(db);
  await seedDocumentPrefixesDemo(db);
  await seedDocumentProfilesDemo(db);
  await seedCasesDemo(db, blobs);
  await seedReviewsDemo(db, { blobs, signers });
  await seedPublicationsDemo(db);
  await seedAnnualReportsDemo(db);
  await seedViolationNoticesDemo(db);
  await seedInspectionsDemo(db);
  await seedArchivesDemo(db, { blobs, ledger });
  return true;
}
