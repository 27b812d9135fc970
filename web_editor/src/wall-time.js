// Wall time: dates as our headers write them ("2022-08-23 15:00"), in the
// site's time zone (Pelican's TIMEZONE, WIB), whatever zone the browser is in.
// A date text is read as it is written, with no time-zone arithmetic; only
// "now" needs the zone, which comes from the generated configuration.
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/;

/** {year, month, day, hour, minute} (zero-padded texts) of "YYYY-MM-DD HH:mm", or null. */
export function readWallTime(text) {
  const match = WALL_TIME.exec(String(text || ''));
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1);
  return { year, month, day, hour, minute };
}

/** The wall time in `timeZone` (an IANA name, from the configuration) at `instant`. */
export function wallTimeIn(timeZone, instant = new Date()) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(instant);
  const part = (type) => parts.find((found) => found.type === type).value;
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** A wall time in a dayjs-style pattern of YYYY, MM, DD, HH and mm (a date field's `format`). */
export function wallTimeText(time, pattern) {
  const values = { YYYY: time.year, MM: time.month, DD: time.day, HH: time.hour, mm: time.minute };
  return pattern.replace(/YYYY|MM|DD|HH|mm/g, (token) => values[token]);
}
