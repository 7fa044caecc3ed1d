import type { Actor } from '../auth/actor.js';
import type { Trx } from '../db/transaction.js';
import { recordEvent } from '../events/record-event.js';
import { isSha256 } from './address.js';
import type { BlobStore } from './blob-store.js';

// Disposal (销毁) at the end of retention: the content goes, the record stays. Each blob's disposal is a
// `blob.disposed` event in the ledger, recorded in the caller's transaction (with the approved 销毁清单 it
// carries out); the content is deleted only after that transaction commits. `sanxiang verify` then
// reports the blob as disposed, not missing — and as a failure if it is still stored.

export const BLOB_DISPOSED = 'blob.disposed';

export interface Disposal {
  readonly sha256: string;
  /** Why and under what authority: 「销毁清单 XH-2056-003(局领导批准)」. */
  readonly reason: string;
  /** What the content was (an evidence record, a document) for readers of the ledger. */
  readonly subject: { readonly type: string; readonly id: string };
}

/** Records the disposals in the transaction; returns the deletion to run once it has committed. */
export async function recordDisposals(
  trx: Trx,
  actor: Actor,
  disposals: readonly Disposal[],
): Promise<(store: BlobStore) => Promise<number>> {
  for (const d of disposals) {
    if (!isSha256(d.sha256)) throw new TypeError('a disposal names a SHA-256 address');
    await recordEvent(trx, actor, {
      type: BLOB_DISPOSED,
      subject: { type: 'blob', id: d.sha256 },
      data: { sha256: d.sha256, reason: d.reason, of: { type: d.subject.type, id: d.subject.id } },
    });
  }
  return async (store) => {
    let deleted = 0;
    for (const d of disposals) if (await store.dispose(d.sha256)) deleted++;
    return deleted;
  };
}

/** The address a `blob.disposed` event's canonical data names, if it is one. */
export function disposedAddress(type: string, data: string): string | null {
  if (type !== BLOB_DISPOSED) return null;
  try {
    const parsed = JSON.parse(data) as { sha256?: unknown };
    return typeof parsed.sha256 === 'string' && isSha256(parsed.sha256) ? parsed.sha256 : null;
  } catch {
    return null;
  }
}
