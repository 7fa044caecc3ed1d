import type { Actor } from '../../platform/auth/actor.js';
import { hasAnyRole, type PolicySet } from '../../platform/auth/policy.js';

/**
 * Who may do what with the 行政执法统计年报. The figures are aggregate counts without personal data, so
 * everyone who answers for enforcement reads the whole report (unit heads, leaders, the legal section,
 * the justice bureau's supervisors, the administrator). 政策法规科 (法制审核人员) computes and compiles
 * it, with the administrator as stand-in; each unit head confirms or returns only the figures of their
 * own unit (谁执法谁负责); publishing is the legal section's or a leader's act, as the report speaks for
 * the agency.
 */
export const annualReportsPolicy = {
  'annual_report.read': (actor: Actor) => hasAnyRole(actor, ['unit_head', 'leader', 'legal_reviewer', 'supervisor', 'admin']),
  'annual_report.compute': (actor: Actor) => hasAnyRole(actor, ['legal_reviewer', 'admin']),
  'annual_report.confirm': (actor: Actor) => hasAnyRole(actor, ['unit_head']),
  'annual_report.compile': (actor: Actor) => hasAnyRole(actor, ['legal_reviewer', 'admin']),
  'annual_report.publish': (actor: Actor) => hasAnyRole(actor, ['legal_reviewer', 'leader', 'admin']),
} satisfies PolicySet;

export type AnnualReportsAction = keyof typeof annualReportsPolicy;

export const can = (actor: Actor, action: AnnualReportsAction): boolean => annualReportsPolicy[action](actor);

/** May the actor confirm or return the figures of the unit with this path (their own unit or one below it)? */
export const canConfirmUnit = (actor: Actor, unitPath: string): boolean =>
  can(actor, 'annual_report.confirm') && actor.kind === 'user' && unitPath.startsWith(actor.unitPath);
