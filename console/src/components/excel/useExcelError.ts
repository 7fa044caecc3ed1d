import { useCallback } from 'react';
import { ApiError } from '../../api/client';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useSession } from '../../session/SessionContext';

/**
 * Shows a failed download or upload like any other failed call. These bypass `request`, so a 401 is
 * handled here: asking for the session again signs the person out and sends them to the login page.
 */
export function useExcelError(): (error: unknown) => void {
  const showError = useErrorMessage();
  const { reload } = useSession();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) void reload();
      else showError(error);
    },
    [reload, showError],
  );
}
