import type { ReportListItem, ReportView } from '../../../src/modules/annual-reports/views';
import { request } from './client';

/**
 * 行政执法统计年报 API (src/modules/annual-reports/routes.ts). The shapes are the server's own types, so
 * they cannot drift; only what the console sends is declared here.
 */

export type { Counts, ReportFigures } from '../../../src/modules/annual-reports/report-data';
export type { ReportListItem, ReportView, UnitView } from '../../../src/modules/annual-reports/views';

const reportPath = (year: number) => `/api/annual-reports/${year}`;
const unitPath = (year: number, unitId: string) => `${reportPath(year)}/units/${encodeURIComponent(unitId)}`;

export function listAnnualReports(): Promise<ReportListItem[]> {
  return request<ReportListItem[]>('GET', '/api/annual-reports');
}

export function getAnnualReport(year: number): Promise<ReportView> {
  return request<ReportView>('GET', reportPath(year));
}

/** 计算 or 重新计算 the draft from the records (政策法规科). */
export function computeAnnualReport(year: number): Promise<ReportView> {
  return request<ReportView>('POST', '/api/annual-reports', { body: { year } });
}

/** The unit head confirms exactly the figures shown (their hash); refused if they were recomputed since. */
export function confirmUnitFigures(year: number, unitId: string, figuresSha256: string, note: string): Promise<ReportView> {
  return request<ReportView>('POST', `${unitPath(year, unitId)}/confirm`, { body: { figuresSha256, note } });
}

export function returnUnitFigures(year: number, unitId: string, reason: string): Promise<ReportView> {
  return request<ReportView>('POST', `${unitPath(year, unitId)}/return`, { body: { reason } });
}

export function compileAnnualReport(year: number): Promise<ReportView> {
  return request<ReportView>('POST', `${reportPath(year)}/compile`, { body: {} });
}

export function publishAnnualReport(year: number): Promise<ReportView> {
  return request<ReportView>('POST', `${reportPath(year)}/publish`, { body: {} });
}
