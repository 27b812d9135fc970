// Wall time: dates as our headers write them, in the format the build sends
// (site.date_format, from sitelib/article_files.py, in dayjs tokens), in the
// site's time zone (Pelican's TIMEZONE, WIB), whatever zone the browser is in.
// A date text is read as it is written, with no time-zone arithmetic; only
// "now" needs the zone, which comes from the generated configuration.
const TOKENS = { YYYY: 'year', MM: 'month', DD: 'day', HH: 'hour', mm: 'minute' };
const TOKEN = new RegExp(Object.keys(TOKENS).join('|'), 'g');

/** The reader of dates written in `format`: a token's digits; a space also as ISO 8601's "T". */
function wallTimePattern(format) {
  const names = [];
  let source = '^';
  let position = 0;
  const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ T]');
  for (const match of format.matchAll(TOKEN)) {
    source += `${literal(format.slice(position, match.index))}(\\d{${match[0].length}})`;
    names.push(TOKENS[match[0]]);
    position = match.index + match[0].length;
  }
  source += literal(format.slice(position));
  return { pattern: new RegExp(source), names };
}

const readers = new Map();

/** {year, month, day, hour, minute} (zero-padded texts) of a date written in `format`, or null. */
export function readWallTime(text, format) {
  if (!readers.has(format)) readers.set(format, wallTimePattern(format));
  const { pattern, names } = readers.get(format);
  const match = pattern.exec(String(text || ''));
  if (!match) return null;
  return Object.fromEntries(names.map((name, index) => [name, match[index + 1]]));
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
  return pattern.replace(TOKEN, (token) => time[TOKENS[token]]);
}
