/** Times are stored in UTC and shown in Asia/Shanghai, whatever the server's own time zone. */
const formatter = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

export function formatShanghaiTime(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  const parts = Object.fromEntries(formatter.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export function formatShanghaiDate(iso: string | Date): string {
  return formatShanghaiTime(iso).slice(0, 10);
}

/** A datetime-local value ("2026-11-29T10:00", no zone) means Shanghai time; anything else passes unchanged. */
export function shanghaiInputToIso(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+08:00` : value;
}
