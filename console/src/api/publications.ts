import type { PublicationState } from '../../../src/modules/publications/publication-data';
import type { PublicationListItem, PublicationView } from '../../../src/modules/publications/views';
import { request } from './client';
import type { Page, PageQuery } from './types';

/**
 * 事后公开 API (src/modules/publications/routes.ts). The shapes are the server's own types, so they
 * cannot drift; only what the console sends is declared here.
 */

export type { PublicationSummary } from '../../../src/modules/publications/draft-content';
export type { PublicationCategory, PublicationState, Redaction } from '../../../src/modules/publications/publication-data';
export type { DraftView, PublicationListItem, PublicationView, VersionView } from '../../../src/modules/publications/views';
export type { Finding, PiiKind } from '../../../src/platform/pii/types';

export type PublicationHistoryEntry = PublicationView['history'][number];

export interface PublicationQuery extends PageQuery {
  state?: PublicationState;
  /** Drafts due on or before today + this many days (overdue included); only drafts. */
  dueWithinDays?: number;
  /** 承办机构 and the units under it. */
  unitId?: string;
}

/** A span of draft.text the person confirmed, with what the public sees instead. */
export interface ConfirmedSpan {
  start: number;
  end: number;
  replacement: string;
}

export interface PublishInput {
  findings: ConfirmedSpan[];
  /** Required for a correction (every version after the first). */
  changeNote?: string;
  /** draft.textSha256 the spans were confirmed on: the server refuses if the text has changed since. */
  textSha256: string;
}

const publicationPath = (id: string) => `/api/publications/${encodeURIComponent(id)}`;

/** The queue in the caller's unit scope, nearest due first (listing also turns newly issued decisions into drafts). */
export function listPublications(query: PublicationQuery): Promise<Page<PublicationListItem>> {
  return request<Page<PublicationListItem>>('GET', '/api/publications', { query: { ...query } });
}

export function getPublication(id: string): Promise<PublicationView> {
  return request<PublicationView>('GET', publicationPath(id));
}

/** 公开 or 更正: 400 `pii_resident_id_unredacted` lists the uncovered ID numbers in `details`; 409 when the text changed. */
export function publishPublication(id: string, input: PublishInput): Promise<PublicationView> {
  return request<PublicationView>('POST', `${publicationPath(id)}/publish`, { body: input });
}

export function blockPublication(id: string, reason: string): Promise<PublicationView> {
  return request<PublicationView>('POST', `${publicationPath(id)}/block`, { body: { reason } });
}

export function withdrawPublication(id: string, reason: string): Promise<PublicationView> {
  return request<PublicationView>('POST', `${publicationPath(id)}/withdraw`, { body: { reason } });
}

/** The public portal's page of a published (or withdrawn) decision. */
export const portalDecisionUrl = (id: string): string => `/decisions/${encodeURIComponent(id)}`;
