import { useCallback, useMemo } from 'react';
import { type DocumentTypeInfo, type IssuedDocument, listCaseDocuments, listDocumentTypes } from '../../../api/caseDocuments';
import type { ApiError } from '../../../api/client';
import { getUnitProfile, type UnitProfile } from '../../../api/documentSettings';
import { useAsync } from '../../../hooks/useAsync';

export interface CaseDocuments {
  /** Oldest first: 成文日期, then the moment of issue. */
  items: readonly IssuedDocument[];
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
}

const byDate = (a: IssuedDocument, b: IssuedDocument) =>
  a.documentDate.localeCompare(b.documentDate) || a.issuedAt.localeCompare(b.issuedAt);

/** The case's issued documents (the tab, the 全过程记录 and its print view share one list). */
export function useCaseDocuments(caseId: string): CaseDocuments {
  const load = useCallback(() => listCaseDocuments(caseId), [caseId]);
  const { data, loading, error, reload } = useAsync(load);
  const items = useMemo(() => [...(data ?? [])].sort(byDate), [data]);
  return { items, loading, error, reload };
}

// The types and their fields are fixed by the server release: one request per page load.
let cached: Promise<DocumentTypeInfo[]> | null = null;

function loadTypes(): Promise<DocumentTypeInfo[]> {
  if (!cached) {
    cached = listDocumentTypes().catch((error: unknown) => {
      cached = null; // try again next time rather than remembering a failure
      throw error;
    });
  }
  return cached;
}

export function useDocumentTypes() {
  return useAsync(loadTypes);
}

/**
 * The unit's effective 文书固定信息 (its own parts, the rest from the nearest ancestor): what the
 * server prints where the form leaves contact, fine account or remedies blank. Null while loading or
 * when it cannot be read (the form then simply shows no defaults).
 */
export function useUnitProfile(unitId: string): UnitProfile | null {
  const load = useCallback(() => getUnitProfile(unitId), [unitId]);
  return useAsync(load).data?.effective ?? null;
}
