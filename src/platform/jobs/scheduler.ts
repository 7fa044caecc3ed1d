import { hostname } from 'node:os';
import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface JobDefinition {
  readonly name: string;
  /** Cron expression in Asia/Shanghai time. */
  readonly cron: string;
  run(): Promise<unknown>;
}

export interface Scheduler {
  stop(): void;
}

const HOLDER = `${hostname()}:${process.pid}`;

/**
 * Claims the run of `name` for `slot`: true for exactly one caller across all processes sharing
 * the database (the primary key decides), false for the others.
 */
export async function claimRun(db: Kysely<Database>, name: string, slot: string): Promise<boolean> {
  const result = await db
    .insertInto('job_runs')
    .values({ name, slot, holder: HOLDER, started_at: new Date().toISOString(), finished_at: null, outcome: null })
    .onConflict((oc) => oc.columns(['name', 'slot']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Runs a claimed job and records how it ended. */
export async function runClaimed(db: Kysely<Database>, job: JobDefinition, slot: string): Promise<void> {
  let outcome = 'ok';
  try {
    await job.run();
  } catch (error) {
    outcome = error instanceof Error ? error.message : String(error);
    throw error;
  } finally {
    await db
      .updateTable('job_runs')
      .set({ finished_at: new Date().toISOString(), outcome: outcome.slice(0, 500) })
      .where('name', '=', job.name)
      .where('slot', '=', slot)
      .execute();
  }
}

/**
 * Schedules jobs with croner in Asia/Shanghai time; a run that is still going when the next is due
 * is skipped (`protect`), and with several processes each slot runs once.
 */
export function startScheduler(
  db: Kysely<Database>,
  jobs: readonly JobDefinition[],
  onError: (job: string, error: unknown) => void,
): Scheduler {
  const crons = jobs.map(
    (job) =>
      new Cron(job.cron, { timezone: 'Asia/Shanghai', protect: true, name: job.name }, async (self: Cron) => {
        const slot = (self.currentRun() ?? new Date()).toISOString();
        try {
          if (await claimRun(db, job.name, slot)) await runClaimed(db, job, slot);
        } catch (error) {
          onError(job.name, error);
        }
      }),
  );
  return {
    stop: () => {
      for (const cron of crons) cron.stop();
    },
  };
}
