import type { AnnualReportsTables } from '../../modules/annual-reports/tables.js';
import type { EvaluationTables } from '../../modules/archives/evaluation-tables.js';
import type { ArchivesTables } from '../../modules/archives/tables.js';
import type { CasesTables } from '../../modules/cases/tables.js';
import type { CatalogTables } from '../../modules/catalog/tables.js';
import type { DocumentsTables } from '../../modules/documents/tables.js';
import type { EvidenceTables } from '../../modules/evidence/tables.js';
import type { InspectionsTables } from '../../modules/inspections/tables.js';
import type { OfficersTables } from '../../modules/officers/tables.js';
import type { OrgTables } from '../../modules/org/tables.js';
import type { PublicationsTables } from '../../modules/publications/tables.js';
import type { ReviewsTables } from '../../modules/reviews/tables.js';
import type { ViolationNoticesTables } from '../../modules/violation-notices/tables.js';
import type { CalendarTables } from '../calendar/tables.js';
import type { EventTables } from '../events/tables.js';
import type { JobTables } from '../jobs/tables.js';
import type { LedgerTables } from '../ledger/tables.js';

/**
 * The whole database as Kysely sees it: each module declares its own tables, this type only joins
 * them (a type-only import, so platform code stays free of domain logic).
 */
export interface Database
  extends AnnualReportsTables,
    ArchivesTables,
    CasesTables,
    CatalogTables,
    CalendarTables,
    DocumentsTables,
    EvaluationTables,
    EventTables,
    EvidenceTables,
    InspectionsTables,
    JobTables,
    LedgerTables,
    OfficersTables,
    OrgTables,
    PublicationsTables,
    ReviewsTables,
    ViolationNoticesTables {}
