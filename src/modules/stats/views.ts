import type { Rate } from './indicators.js';
import type { WeakSpot } from './weak-spots.js';

// What the dashboard API answers (GET /api/stats/overview): the console reads these types, so it imports
// nothing but this file and indicators.ts. Type-only.

export interface Kpis {
  received: number;
  closed: number;
  open: number;
  decided: number;
  overdue: Rate;
  decisionLate: Rate;
  avException: Rate;
  reviewReturned: Rate;
  publicationLate: Rate;
  averageDecisionDays: number | null;
  averageClosingDays: number | null;
  avMissingCases: Rate;
  reviewRounds: number;
  averageReviewDays: number | null;
  publicationOnTime: Rate;
  publicationOverdue: number;
}

export interface SubjectRow {
  id: string;
  name: string;
  received: number;
  open: number;
  closed: number;
  decided: number;
  averageDecisionDays: number | null;
  overdue: Rate;
  decisionLate: Rate;
  avException: Rate;
  reviewReturned: Rate;
  publicationLate: Rate;
}

export interface MonthRow {
  month: string;
  received: number;
  closed: number;
  decided: number;
  decisionLate: Rate;
  avException: Rate;
  reviewRounds: number;
  reviewReturned: Rate;
  publicationOnTime: Rate;
}

export interface Count {
  key: string;
  label: string;
  count: number;
}

export interface StatsOverview {
  filter: { from: string; to: string; asOf: string; unitId: string | null; unitName: string };
  kpis: Kpis;
  byStage: Count[];
  bySource: Count[];
  byProcedure: Count[];
  byUnit: SubjectRow[];
  byItem: SubjectRow[];
  months: MonthRow[];
  decisionDurations: Count[];
  returnReasons: Count[];
  publications: Count[];
  weakSpots: WeakSpot[];
}

export type { Rate, WeakSpot };
