import { ApiError } from '../api/client';

export interface ErrorText {
  /** The server's Chinese message with its stable code, so a person can quote both when asking for help. */
  title: string;
  /** What the refusal lists (e.g. the positions of ID numbers left in clear). */
  details: string[];
}

/** A refusal as shown in this page's alerts; null for a 401 (the client has already gone to the login page). */
export function apiErrorText(error: unknown): ErrorText | null {
  if (error instanceof ApiError) {
    if (error.status === 401) return null;
    const details = Array.isArray(error.details) ? error.details.filter((d): d is string => typeof d === 'string') : [];
    return { title: `${error.message}(${error.code})`, details };
  }
  return { title: error instanceof Error ? error.message : '操作失败,请稍后重试', details: [] };
}
