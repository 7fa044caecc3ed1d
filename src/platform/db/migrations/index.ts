import type { Migration } from 'kysely';
import type { DialectName } from '../dialect.js';
import { foundation } from './0001_foundation.js';
import { ledger } from './0002_ledger.js';
import { evidence } from './0003_evidence.js';
import { jobs } from './0004_jobs.js';
import { calendar } from './0005_calendar.js';
import { officers } from './0006_officers.js';
import { catalog } from './0007_catalog.js';
import { catalogKinds } from './0008_catalog_kinds.js';
import { cases } from './0009_cases.js';
import { documents } from './0010_documents.js';
import { documentProfiles } from './0011_document_profiles.js';
import { reviews } from './0012_reviews.js';
import { publications } from './0013_publications.js';
import { publicationSearch } from './0014_publication_search.js';
import { annualReports } from './0015_annual_reports.js';
import { violationNotices } from './0016_violation_notices.js';
import { inspections } from './0017_inspections.js';
import { archives } from './0018_archives.js';
import { statsIndexes } from './0019_stats_indexes.js';
import { caseFileEvaluations } from './0020_case_file_evaluations.js';

/** The one ordered list of migrations. Append only; never edit or reorder a shipped entry. */
export function migrationIndex(dialect: DialectName): Record<string, Migration> {
  return {
    '0001_foundation': foundation(dialect),
    '0002_ledger': ledger(),
    '0003_evidence': evidence(),
    '0004_jobs': jobs(),
    '0005_calendar': calendar(),
    '0006_officers': officers(),
    '0007_catalog': catalog(),
    '0008_catalog_kinds': catalogKinds(),
    '0009_cases': cases(),
    '0010_documents': documents(),
    '0011_document_profiles': documentProfiles(),
    '0012_reviews': reviews(),
    '0013_publications': publications(),
    '0014_publication_search': publicationSearch(dialect),
    '0015_annual_reports': annualReports(),
    '0016_violation_notices': violationNotices(),
    '0017_inspections': inspections(),
    '0018_archives': archives(),
    '0019_stats_indexes': statsIndexes(),
    '0020_case_file_evaluations': caseFileEvaluations(),
  };
}
