// Child process for the concurrency test: appends events to the ledger of the database named by
// argv[2] (a JSON DatabaseConfig), argv[3] times, several transactions at a time.
import { systemActor } from '../../src/platform/auth/actor.js';
import { connectDatabase } from '../../src/platform/db/connect.js';
import { inTransaction } from '../../src/platform/db/transaction.js';
import { recordEvent } from '../../src/platform/events/record-event.js';

const [, , configJson = '{}', countText = '0', name = 'worker'] = process.argv;
const db = connectDatabase(JSON.parse(configJson), { poolSize: 4 });
const count = Number(countText);
let next = 0;
const lane = async () => {
  while (next < count) {
    const i = next++;
    await inTransaction(db.kysely, (trx) =>
      recordEvent(trx, systemActor(name), { type: 'test.appended', subject: { type: 'test', id: `${name}-${i}` }, data: { i } }),
    );
  }
};
await Promise.all([lane(), lane(), lane(), lane()]);
await db.close();
