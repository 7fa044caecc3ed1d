import type { StatsOverview } from '../../../src/modules/stats/views';
import { request } from './client';

/**
 * 统计分析 API (src/modules/stats/routes.ts). The answer's shape is the server's own type, so it cannot drift.
 */

export type { Count, Kpis, MonthRow, Rate, StatsOverview, SubjectRow, WeakSpot } from '../../../src/modules/stats/views';

export interface StatsFilter {
  from: string;
  to: string;
  unitId?: string;
}

export function getStatsOverview(filter: StatsFilter): Promise<StatsOverview> {
  return request<StatsOverview>('GET', '/api/stats/overview', { query: { ...filter } });
}

/** The workbook of the same figures (GET, downloaded through fetch so a refusal is a message). */
export function statsExportUrl(filter: StatsFilter): string {
  const params = new URLSearchParams({ from: filter.from, to: filter.to, ...(filter.unitId ? { unitId: filter.unitId } : {}) });
  return `/api/stats/export.xlsx?${params.toString()}`;
}
