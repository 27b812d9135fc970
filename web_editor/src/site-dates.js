// Dates as the site shows them ("Selasa, 23 Agustus 2022, 15.00 WIB"), from
// the header's "2022-08-23 15:00" (WIB wall time, so no zone arithmetic).
import { readWallTime } from './wall-time.js';

export function siteDateText(value) {
  const time = readWallTime(value);
  if (!time) return '';
  const [year, month, day, hour, minute] = [time.year, time.month, time.day, time.hour, time.minute].map(Number);
  const moment = new Date(Date.UTC(year, month - 1, day, hour, minute));
  const date = new Intl.DateTimeFormat('id-ID', {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  }).format(moment);
  return `${date}, ${String(hour).padStart(2, '0')}.${String(minute).padStart(2, '0')} WIB`;
}
