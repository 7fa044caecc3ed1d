import { avRuleKind } from './av-rule-data.js';
import { benchmarkKind } from './benchmark-data.js';
import { itemKind } from './item-data.js';
import { reviewRuleKind } from './review-rule-data.js';
import { windowBoardKind } from './window-board-data.js';

export { avRuleKind, benchmarkKind, itemKind, reviewRuleKind, windowBoardKind };

/** URL segments of each kind: the staff API under /api/catalog/, the open data API under /api/public/. */
export const KIND_PATHS = {
  item: { staff: 'items', public: 'items' },
  benchmark: { staff: 'benchmarks', public: 'benchmarks' },
  av_rule: { staff: 'av-rules', public: 'av-list' },
  review_rule: { staff: 'review-rules', public: 'review-catalogue' },
  window_board: { staff: 'window-boards', public: 'window-boards' },
} as const;
