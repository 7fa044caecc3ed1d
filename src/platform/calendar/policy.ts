import type { Actor } from '../auth/actor.js';
import { hasAnyRole, type PolicySet } from '../auth/policy.js';

/**
 * Who may change the working-day calendar: the administrator enters a year's State Council schedule
 * and approves it. Deadline maths is public (citizens compute publication deadlines too) and the list
 * of loaded years is open to every signed-in user.
 */
export const calendarPolicy = {
  'calendar.manage': (actor: Actor) => hasAnyRole(actor, ['admin']),
} satisfies PolicySet;

export type CalendarAction = keyof typeof calendarPolicy;

export function can(actor: Actor, action: CalendarAction): boolean {
  return calendarPolicy[action](actor);
}
