import dayjs from 'dayjs';

/** Server timestamps are ISO (UTC); people read them in local time. */
export function formatTime(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const time = dayjs(iso);
  return time.isValid() ? time.format('YYYY-MM-DD HH:mm:ss') : fallback;
}
