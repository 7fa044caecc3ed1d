import { useCallback } from 'react';
import { type Evidence, listEvidence } from '../../api/evidence';
import { useAsync } from '../../hooks/useAsync';

/** The evidence filed under a case (uploaded with its case id), newest first as the server lists it. */
export function useCaseEvidence(caseId: string) {
  const load = useCallback(() => listEvidence({ caseId, page: 1, pageSize: 100 }), [caseId]);
  const state = useAsync(load);
  const items: Evidence[] = state.data?.items ?? [];
  return { items, loading: state.loading, reload: state.reload };
}

/** 录像「文件名」 for the record; ids the list does not hold (other uploads) are shortened. */
export function evidenceLabel(items: readonly Evidence[], id: string): string {
  const found = items.find((e) => e.id === id);
  return found ? found.filename : `证据 ${id.slice(0, 8)}`;
}
