// The reviews module's public face (重大执法决定法制审核): other modules and the app import from here only.

export { reviewsPolicy } from './policy.js';
export { reviewsRoutes } from './routes.js';
export { seedReviewsDemo } from './seed.js';
export { publicReviewCounts, recentYears } from './stats.js';
export {
  type ReturnReasonFact,
  type ReviewRoundFact,
  type ReviewStatsFilter,
  reviewReturnReasons,
  reviewRoundFacts,
} from './stats-facts.js';
export { reviewCountsByUnit, type UnitReviewCounts } from './yearly-counts.js';
