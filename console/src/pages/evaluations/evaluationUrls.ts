import { routes } from '../../router';

/** Where each view of 案卷评查 lives: the tab, a round, or one file's evaluation form (shareable links). */
export type EvaluationsTab = 'rounds' | 'sheet';

export const evaluationsUrl = (tab: EvaluationsTab = 'rounds'): string => `${routes.evaluations}?tab=${tab}`;
export const roundUrl = (roundId: string): string => `${routes.evaluations}?round=${encodeURIComponent(roundId)}`;
export const evaluationUrl = (evaluationId: string): string => `${routes.evaluations}?evaluation=${encodeURIComponent(evaluationId)}`;

export const ROUND_STATE_COLORS: Readonly<Record<string, string>> = { open: 'processing', closed: 'default' };
export const EVALUATION_STATE_COLORS: Readonly<Record<string, string>> = { draft: 'gold', submitted: 'green' };

/** A score as people read it: whole points without decimals, half points with one. */
export const pointsText = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : String(n));
