/**
 * The 检查对象名录库 as the API shows it. Pure (types and vocabulary only), so the console imports these
 * very declarations instead of copying them.
 */

/** 规模 (企业划型): blank when the directory does not say. */
export const ENTITY_SIZES = ['大型', '中型', '小型', '微型'] as const;

// 企业信用风险分类 A–D: the module's one vocabulary (model.ts), which plans stratify by.
import { RISK_LABELS } from './model.js';

export { RISK_CLASSES } from './model.js';

/** The label of a stored class (any text: an unknown one is shown as it is). */
export const riskClassLabel = (riskClass: string): string => (RISK_LABELS as Readonly<Record<string, string>>)[riskClass] ?? riskClass;

/**
 * An entity with no classification is treated as B (信用风险一般): the classification rules put every
 * entity not yet assessed in the middle band, so it is drawn at the ordinary rate rather than never or always.
 */
export const DEFAULT_RISK_CLASS = 'B';

/** The fields of one entity that people edit and imports set (the USCC is the key and never changes). */
export interface EntityFields {
  name: string;
  legalRepresentative: string;
  address: string;
  region: string;
  industry: string;
  /** One of ENTITY_SIZES, or '' when not known. */
  size: string;
  /** One of RISK_CLASSES. */
  riskClass: string;
  contact: string;
  phone: string;
}

export interface EntityView extends EntityFields {
  uscc: string;
  active: boolean;
  /** The import that last wrote the entity (null when edited or seeded without one). */
  importId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface EntityListView {
  items: EntityView[];
  total: number;
  page: number;
  pageSize: number;
  /** Every region and industry in the directory (active or not), for the filter drop-downs. */
  facets: { regions: FacetValue[]; industries: FacetValue[] };
}

export const IMPORT_STATES = ['reading', 'failed', 'done'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** One problem of an imported file: the spreadsheet row (null: the whole file), the column header and why. */
export interface ImportErrorView {
  row: number | null;
  column: string | null;
  reason: string;
}

export interface ImportSummaryView {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows whose entity is deactivated in the directory: the import updates their fields but leaves them inactive. */
  inactive: number;
  /** SHA-256 (hex) of the uploaded file, as recorded in the event. */
  sha256: string;
  readMs: number;
  writeMs: number;
}

export interface ImportView {
  id: string;
  fileName: string;
  state: ImportState;
  rowsRead: number;
  rowsWritten: number;
  errorCount: number;
  /** The first MAX_STORED_ERRORS problems. */
  errors: ImportErrorView[];
  summary: ImportSummaryView | null;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
}

/** How many problems an import keeps (and lists in its error report); `errorCount` counts them all. */
export const MAX_STORED_ERRORS = 1000;
