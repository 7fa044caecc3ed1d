// The shapes of the 行政执法统计年报 figures. Pure (no imports), so the console imports this very file.
// Types are aliases (not interfaces) so the figures are JSON values that canonical JSON can hash.

export type Counts = {
  /** 案源登记: cases received in the year. */
  received: number;
  /** 立案 under 一般程序 in the year. */
  filed: number;
  /** 简易程序 (当场处罚) decisions in the year. */
  simple: number;
  closed: number;
  /** Received on or before 统计截至 and not closed by then. */
  open: number;
  /** Cases received, by 事项类别 of their 执法事项 (every category present, zeros included). */
  byCategory: { [category: string]: number };
  /** Decisions made in the year, by 事项类别. */
  decisionsByCategory: { [category: string]: number };
  decisions: number;
  /** Decisions that include each 行政处罚 type (a decision of 警告 and 罚款 counts under both). */
  byPenaltyType: { [type: string]: number };
  /** Fines decided in the year, yuan. */
  fineYuan: number;
  /** Fines paid in the year (罚缴分离 receipts), yuan. */
  paidYuan: number;
  /** Decisions that confiscate (没收违法所得、没收非法财物、没收较大数额财物). */
  confiscations: number;
  hearingsRequested: number;
  hearingsHeld: number;
  /** 先行登记保存 (行政处罚法 §56). */
  preservations: number;
  /** 申请人民法院强制执行 (行政强制法 §53). */
  enforcementApplications: number;
  reviews: number;
  reviewsCleared: number;
  reviewRounds: number;
  reviewRoundsReturned: number;
  published: number;
  withdrawn: number;
};

export type UnitFigures = { unitId: string; unitName: string; counts: Counts };

export type MonthFigures = { month: string; received: number; decisions: number; fineYuan: number };

export type ReportFigures = {
  year: number;
  /** 统计截至 (YYYY-MM-DD). */
  asOf: string;
  /** True while the year is not over: the figures stop at asOf. */
  partial: boolean;
  units: UnitFigures[];
  total: Counts;
  months: MonthFigures[];
  /** What the figures cannot show yet, in a sentence each (a category without a data source…). */
  notes: string[];
};
