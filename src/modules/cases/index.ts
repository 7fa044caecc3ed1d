// The cases module's public face (案件办理, 执法全过程记录): other modules and the app import from here only.

export { avCheckOf } from './action-handlers.js';
export { performAction } from './actions.js';
export type { Proposal } from './case-data.js';
export { proposalOf, sameProposal } from './case-data.js';
export { caseDocumentData } from './case-documents.js';
export { caseRecord, caseStage, caseUnitPath, getCase, listCases, type RegisterCaseInput, registerCase } from './case-service.js';
export { type ClosedCase, listClosedCases } from './closed-cases.js';
export { LIMITS } from './deadlines.js';
export { type DecidedCase, type DecidedCaseParty, listDecidedCases } from './decided-cases.js';
export { casesPolicy } from './policy.js';
export { ACTION_RULES, ACTIONS, STAGE_LABELS, STAGES } from './procedure.js';
export { evaluateProposal, type ProposedDecision } from './proposal-service.js';
export { recordReviewState } from './review-gate.js';
export { type DecisionRevocation, listDecisionRevocations } from './revocations.js';
export { casesRoutes } from './routes.js';
export { seedCasesDemo } from './seed.js';
export {
  type AvCaseFact,
  type AvStepFact,
  avFacts,
  type CaseloadFact,
  type CaseStatsFilter,
  caseloadFacts,
  caseStageFacts,
  type DecisionFact,
  decisionFacts,
  type StageFact,
} from './stats-facts.js';
export type { CaseSummary, CaseView } from './views.js';
export { type CaseYearFact, caseFactsOfYear } from './yearly-facts.js';
