import type { Actor } from '../../platform/auth/actor.js';
import { hasAnyRole, inScope, type PolicySet, readScope } from '../../platform/auth/policy.js';

/**
 * Who may do what in 双随机、一公开. Everyone who handles or oversees enforcement reads (the supervisor of the
 * justice bureau too). 政策法规科 (legal_reviewer) keeps the item list; the directory of entities is kept by
 * 政策法规科 or a unit head. Officers declare their own conflicts of interest, unit heads and 政策法规科 any.
 * A unit head or 政策法规科 drafts a plan; announcing it (freezing the population and committing to the
 * code) is a unit head's or a leader's decision; the draw is run by 政策法规科 or a unit head once the
 * announced sources are published. Team members record the inspection; unit heads publish results.
 */
export const inspectionsPolicy = {
  'inspection.read': (actor: Actor) => hasAnyRole(actor, ['officer', 'unit_head', 'leader', 'legal_reviewer', 'admin', 'supervisor']),
  'inspection.items': (actor: Actor) => hasAnyRole(actor, ['legal_reviewer', 'admin']),
  'inspection.entities': (actor: Actor) => hasAnyRole(actor, ['legal_reviewer', 'unit_head', 'admin']),
  'inspection.conflicts': (actor: Actor) => hasAnyRole(actor, ['officer', 'unit_head', 'legal_reviewer']),
  'inspection.plan': (actor: Actor) => hasAnyRole(actor, ['unit_head', 'legal_reviewer']),
  'inspection.announce': (actor: Actor) => hasAnyRole(actor, ['unit_head', 'leader']),
  'inspection.draw': (actor: Actor) => hasAnyRole(actor, ['unit_head', 'legal_reviewer']),
  'inspection.inspect': (actor: Actor) => hasAnyRole(actor, ['officer', 'unit_head']),
  'inspection.publish': (actor: Actor) => hasAnyRole(actor, ['unit_head', 'legal_reviewer']),
} satisfies PolicySet;

export type InspectionsAction = keyof typeof inspectionsPolicy;

export const can = (actor: Actor, action: InspectionsAction): boolean => inspectionsPolicy[action](actor);

/** May the actor do `action` on a record of a unit with this path? */
export const canIn = (actor: Actor, action: InspectionsAction, unitPath: string): boolean =>
  can(actor, action) && inScope(readScope(actor), unitPath);
