import dayjs from 'dayjs';

/** Server timestamps are ISO (UTC); people read them in local time. */
export function formatTime(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const time = dayjs(iso);
  return time.isValid() ? time.format('YYYY-MM-DD HH:mm:ss') : fallback;
}

/** Today's calendar date in Beijing, as YYYY-MM-DD: the server dates steps and judges validity by it, whatever the browser's time zone. */
export function beijingToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
