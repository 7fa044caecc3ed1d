import type { Kysely } from 'kysely';
import { loadCalendar } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';

/** Working days the agency has to update the public page after a confirmed roster change (西安: 5). */
export const PUBLISH_WORKING_DAYS = 5;

/**
 * The date by which a roster change confirmed on `confirmedOn` must be public: 5 working days later,
 * by the agency's working-day calendar (throws `calendar_year_unknown` for a year not loaded).
 * Reads the database, so call it before opening the transaction.
 */
export async function publishDeadline(db: Kysely<Database>, confirmedOn: string): Promise<string> {
  const calendar = await loadCalendar(db);
  return calendar.addWorkingDays(confirmedOn, PUBLISH_WORKING_DAYS);
}
