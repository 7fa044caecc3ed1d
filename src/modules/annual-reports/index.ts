// The annual-reports module's public face (行政执法统计年报): other modules, the portal and the app import from here only.

export { type Chart, reportCharts } from './charts.js';
export { reportWorkbook } from './excel.js';
export type { Counts, ReportFigures, UnitFigures } from './figures.js';
export { annualReportsPolicy } from './policy.js';
export { getPublicReport, listPublicReports } from './read-service.js';
export { annualReportsRoutes } from './routes.js';
export { lineText, REPORT_LINES, type ReportLine } from './rows.js';
export { seedAnnualReportsDemo } from './seed.js';
export { deadlinesOf, type PublicReport, type PublicReportItem } from './views.js';
