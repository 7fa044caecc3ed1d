import { useCallback, useEffect, useRef, useState } from 'react';
import { Upload } from 'tus-js-client';
import { getCsrfToken } from '../../api/client';
import { UPLOAD_ENDPOINT } from '../../api/evidence';
import { describeUploadError, forgetUpload } from './tusErrors';

export type PreviousUpload = Awaited<ReturnType<Upload['findPreviousUploads']>>[number];

export type UploadPhase = 'idle' | 'uploading' | 'paused' | 'failed' | 'done';

export interface UploadState {
  phase: UploadPhase;
  sent: number;
  total: number;
  /** Recent throughput; null until measured. */
  bytesPerSecond: number | null;
  error: string | null;
  /** Whether 继续 can pick the failed upload up again. */
  retryable: boolean;
}

export interface StartOptions {
  /** Asked when this file has an unfinished upload from before (e.g. before a page reload); true resumes it. */
  confirmResume: (previous: PreviousUpload) => Promise<boolean>;
  /** `X-Evidence-Id` of the final response; null if the server did not send one. */
  onSuccess: (evidenceId: string | null) => void;
}

const IDLE: UploadState = { phase: 'idle', sent: 0, total: 0, bytesPerSecond: null, error: null, retryable: false };
const CHUNK_SIZE = 8 * 1024 * 1024;
const SPEED_WINDOW_MS = 1000;

function newest(previous: readonly PreviousUpload[]): PreviousUpload | undefined {
  return [...previous].sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
}

function csrfHeaders(): Record<string, string> {
  const token = getCsrfToken();
  return token ? { 'X-CSRF-Token': token } : {};
}

async function discard(previous: PreviousUpload): Promise<void> {
  await forgetUpload(previous.uploadUrl);
  if (previous.uploadUrl) await Upload.terminate(previous.uploadUrl, { headers: csrfHeaders() }).catch(() => undefined);
}

/** A tus upload with progress, speed, pause/resume and resume after a page reload (fingerprints in localStorage). */
export function useTusUpload() {
  const [state, setState] = useState<UploadState>(IDLE);
  const uploadRef = useRef<Upload | null>(null);
  const sampleRef = useRef<{ time: number; bytes: number } | null>(null);

  const onProgress = useCallback((sent: number, total: number) => {
    const now = performance.now();
    const sample = sampleRef.current;
    let measured: number | null = null;
    if (!sample) sampleRef.current = { time: now, bytes: sent };
    else if (now - sample.time >= SPEED_WINDOW_MS) {
      measured = ((sent - sample.bytes) * 1000) / (now - sample.time);
      sampleRef.current = { time: now, bytes: sent };
    }
    setState((s) => ({
      ...s,
      sent,
      total,
      bytesPerSecond: measured === null ? s.bytesPerSecond : s.bytesPerSecond === null ? measured : (s.bytesPerSecond + measured) / 2,
    }));
  }, []);

  const start = useCallback(
    async (file: File, metadata: Record<string, string>, options: StartOptions) => {
      let evidenceId: string | null = null;
      const upload = new Upload(file, {
        endpoint: UPLOAD_ENDPOINT,
        chunkSize: CHUNK_SIZE,
        retryDelays: [0, 1000, 3000, 5000],
        headers: csrfHeaders(),
        metadata,
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        onProgress,
        onAfterResponse: (_req, res) => {
          const id = res.getHeader('X-Evidence-Id');
          if (id) evidenceId = id;
        },
        onSuccess: ({ lastResponse }) => {
          setState((s) => ({ ...s, phase: 'done', sent: s.total || file.size, total: s.total || file.size }));
          options.onSuccess(evidenceId ?? lastResponse.getHeader('X-Evidence-Id') ?? null);
        },
        onError: (error) => {
          const failure = describeUploadError(error);
          setState((s) => ({ ...s, phase: 'failed', error: failure.message, retryable: failure.retryable }));
          if (!failure.retryable) void forgetUpload(upload.url);
        },
      });
      uploadRef.current = upload;
      const previous = await upload.findPreviousUploads();
      const latest = newest(previous);
      if (latest && (await options.confirmResume(latest))) upload.resumeFromPreviousUpload(latest);
      else {
        // A fresh start: drop old partial uploads of this file instead of leaving them to expire.
        for (const old of previous) void discard(old);
      }
      if (uploadRef.current !== upload) return;
      sampleRef.current = null;
      setState({ ...IDLE, phase: 'uploading', total: file.size });
      upload.start();
    },
    [onProgress],
  );

  const pause = useCallback(async () => {
    const upload = uploadRef.current;
    if (!upload) return;
    await upload.abort();
    setState((s) => (s.phase === 'uploading' ? { ...s, phase: 'paused', bytesPerSecond: null } : s));
  }, []);

  const resume = useCallback(() => {
    const upload = uploadRef.current;
    if (!upload) return;
    // The session may have been renewed meanwhile; always send the current token.
    upload.options.headers = csrfHeaders();
    sampleRef.current = null;
    setState((s) => ({ ...s, phase: 'uploading', error: null, bytesPerSecond: null }));
    upload.start();
  }, []);

  /** Stops without deleting anything on the server: the same file can be resumed later. */
  const reset = useCallback(() => {
    const upload = uploadRef.current;
    uploadRef.current = null;
    if (upload) void upload.abort();
    setState(IDLE);
  }, []);

  useEffect(
    () => () => {
      void uploadRef.current?.abort();
    },
    [],
  );

  // Leaving mid-upload is recoverable (pick the same file again), but worth a warning.
  useEffect(() => {
    if (state.phase !== 'uploading') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.phase]);

  return { state, start, pause, resume, reset };
}
