/** One piece of evidence (证据/音像记录): immutable content in the blob store plus what was said about it. */
export interface EvidenceTable {
  id: string;
  /** photo | audio | video | document */
  kind: string;
  filename: string;
  /** Sniffed from the bytes at ingest, never taken from the client. */
  media_type: string;
  size: number;
  /** Address of the content in the blob store (hex). */
  sha256: string;
  sm3: string;
  /** general | personal | commercial | secret */
  sensitivity: string;
  recorded_at: string;
  device: string | null;
  officers: string | null;
  place: string | null;
  case_id: string | null;
  step_id: string | null;
  description: string | null;
  /** The uploader's unit at ingest: unit scope decides who may see it. */
  unit_id: string;
  uploaded_by: string;
  uploaded_at: string;
}

/** Locks on tus uploads, shared by every process on the same database. */
export interface UploadLocksTable {
  upload_id: string;
  /** Random token of the lock instance holding it. */
  holder: string;
  /** The holder renews this while alive; an expired lock may be taken over. */
  expires_at: string;
  /** 1 when another request asked the holder to let go (tus requestRelease across processes). */
  release_requested: number;
}

export interface EvidenceTables {
  evidence: EvidenceTable;
  upload_locks: UploadLocksTable;
}
