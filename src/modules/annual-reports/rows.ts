import type { Counts } from './report-data.js';

// The report's lines as people read them: one label per counter, in the order of the 年报 table. The
// portal page, the Excel workbook and the console all show these.

type Counter = Exclude<keyof Counts, 'byCategory' | 'decisionsByCategory' | 'byPenaltyType'>;

export interface ReportLine {
  readonly key: Counter;
  readonly label: string;
  /** Amounts in yuan are shown with two decimals. */
  readonly yuan?: boolean;
}

export const REPORT_LINES: readonly ReportLine[] = [
  { key: 'received', label: '案源登记(件)' },
  { key: 'filed', label: '一般程序立案(件)' },
  { key: 'simple', label: '简易程序当场处罚(件)' },
  { key: 'decisions', label: '作出行政处罚(处理)决定(件)' },
  { key: 'fineYuan', label: '罚款金额(元)', yuan: true },
  { key: 'paidYuan', label: '缴纳罚没款(元)', yuan: true },
  { key: 'confiscations', label: '含没收的决定(件)' },
  { key: 'hearingsRequested', label: '当事人申请听证(件)' },
  { key: 'hearingsHeld', label: '举行听证(次)' },
  { key: 'preservations', label: '先行登记保存(次)' },
  { key: 'enforcementApplications', label: '申请人民法院强制执行(件)' },
  { key: 'reviews', label: '重大执法决定法制审核(件)' },
  { key: 'reviewsCleared', label: '法制审核通过(件)' },
  { key: 'reviewRoundsReturned', label: '法制审核退回补正(次)' },
  { key: 'published', label: '公开执法决定(件)' },
  { key: 'withdrawn', label: '撤回公开(件)' },
  { key: 'closed', label: '结案(件)' },
  { key: 'open', label: '统计截至日未结案件(件)' },
];

/** A counter as text: amounts with two decimals and thousands separators, counts as integers. */
export function lineText(line: ReportLine, counts: Counts): string {
  const value = counts[line.key];
  return line.yuan ? value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : String(value);
}
