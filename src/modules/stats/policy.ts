import type { Actor } from '../../platform/auth/actor.js';
import { hasAnyRole, type PolicySet } from '../../platform/auth/policy.js';

/**
 * Who reads the supervision dashboards (统计分析): the leaders, the justice bureau's supervisors, 政策法规科
 * (legal_reviewer) and the administrator see the whole agency; a unit head sees the figures of their own
 * unit and its sub-units only (readScope). Officers do not: the dashboards rank units and items.
 */
export const statsPolicy = {
  'stats.read': (actor: Actor) => hasAnyRole(actor, ['leader', 'supervisor', 'unit_head', 'legal_reviewer', 'admin']),
} satisfies PolicySet;

export type StatsAction = keyof typeof statsPolicy;

export const can = (actor: Actor, action: StatsAction): boolean => statsPolicy[action](actor);
