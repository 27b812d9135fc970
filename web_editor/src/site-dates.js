// Dates as the site shows them ("Selasa, 23 Agustus 2022, 15.00 WIB"), from
// the header's "2022-08-23 15:00" (WIB wall time, so no zone arithmetic).
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/;

export function siteDateText(value) {
  const match = WALL_TIME.exec(String(value || ''));
  if (!match) return '';
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const moment = new Date(Date.UTC(year, month - 1, day, hour, minute));
  const date = new Intl.DateTimeFormat('id-ID', {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  }).format(moment);
  return `${date}, ${String(hour).padStart(2, '0')}.${String(minute).padStart(2, '0')} WIB`;
}
