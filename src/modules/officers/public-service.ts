import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { parseCategories } from './officer-views.js';
import * as repo from './roster-repository.js';
import { certificateValidOn, PUBLIC_STATUS, shanghaiToday } from './validity.js';

/** Exactly the fields the public roster shows (公示): nothing else leaves through these functions. */
export interface PublicRosterItem {
  name: string;
  unitName: string;
  position: string;
  categories: string[];
  certificateNo: string;
  validUntil: string;
}

export interface PublicRosterQuery {
  name?: string;
  unit?: string;
  category?: string;
  page: number;
  pageSize: number;
}

export interface PublicRoster {
  items: PublicRosterItem[];
  total: number;
  page: number;
  pageSize: number;
  /** The published version shown, or null before the first confirmation. */
  version: { version: number; publishedAt: string; publishDeadline: string | null } | null;
  units: string[];
}

/**
 * The current published roster (the newest confirmed version): the officers whose certificates are
 * valid today. Drafts and batches awaiting confirmation never show here.
 */
export async function listPublicRoster(db: Kysely<Database>, query: PublicRosterQuery, today = shanghaiToday()): Promise<PublicRoster> {
  const latest = await repo.latestVersion(db);
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize, version: null, units: [] };
  if (!latest) return empty;
  const { rows, total } = await repo.listPublicEntries(db, {
    version: latest.version,
    today,
    name: query.name?.trim(),
    unit: query.unit?.trim(),
    category: query.category?.trim(),
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return {
    items: rows.map((r) => ({
      name: r.name,
      unitName: r.unit_name,
      position: r.position,
      categories: parseCategories(r.categories),
      certificateNo: r.certificate_no,
      validUntil: r.valid_to,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    version: { version: latest.version, publishedAt: latest.published_at, publishDeadline: latest.publish_deadline },
    units: await repo.listPublicUnitNames(db, latest.version, today),
  };
}

export interface CertificateCheck {
  name: string;
  unit: string;
  certificateNo: string;
  validUntil: string;
  /** 有效 | 已过期 | 暂扣 | 注销 (| 未生效 before the first valid day), as of `asOf`. */
  status: string;
  valid: boolean;
  asOf: string;
}

/** 执法证件核验 against the current published roster, as of `today` (Beijing date). */
export async function verifyCertificate(db: Kysely<Database>, certificateNo: string, today = shanghaiToday()): Promise<CertificateCheck> {
  const latest = await repo.latestVersion(db);
  const entry = latest ? await repo.findEntryByCertificate(db, latest.version, certificateNo.trim()) : undefined;
  if (!entry) throw notFound('certificate_not_found', '公开的执法人员清单中没有这个执法证件号码');
  const check = certificateValidOn({ status: entry.status, validFrom: entry.valid_from, validTo: entry.valid_to }, today);
  return {
    name: entry.name,
    unit: entry.unit_name,
    certificateNo: entry.certificate_no,
    validUntil: entry.valid_to,
    status: PUBLIC_STATUS[check.reason],
    valid: check.valid,
    asOf: today,
  };
}
