// Dates as the site writes them ("Selasa, 23 Agustus 2022", "15.00 WIB" and
// the ISO date of <time datetime>), with the patterns and names the build
// writes into the configuration (site.dates, from plugins/indonesian_dates),
// from the header's date (written as site.date_format says): wall time in the
// site's zone, read as written (only the ISO date's offset needs the zone).
import { readWallTime } from './wall-time.js';

function dateParts(time, dates) {
  const [year, month, day, hour] = [time.year, time.month, time.day, time.hour].map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay(); // 0 is Sunday; day_names start on Monday
  return {
    weekday_name: dates.day_names[(weekday + 6) % 7], day: String(day), day2: time.day,
    month_name: dates.month_names[month - 1], month: String(month), month2: time.month, year: String(year),
    hour: String(hour), hour2: time.hour, minute2: time.minute,
  };
}

function written(pattern, parts) {
  return pattern.map((part) => ('text' in part ? part.text : parts[part.part])).join('');
}

/** "+07:00": the zone's offset at `instant` (milliseconds). */
function offsetAt(timeZone, instant) {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName').value;
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

function offsetMinutes(offset) {
  const sign = offset[0] === '-' ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/** The site's date texts of a header date: date(value), time(value), iso(value); '' for no date.
 * `site` is the configuration's section: its dates, time_zone and date_format. */
export function siteDates(site) {
  const { dates, time_zone: timeZone, date_format: format } = site;
  const read = (value, write) => {
    const time = readWallTime(value, format);
    return time ? write(time) : '';
  };
  return {
    date: (value) => read(value, (time) => written(dates.date, dateParts(time, dates))),
    time: (value) => read(value, (time) => written(dates.time, dateParts(time, dates))),
    iso: (value) => read(value, (time) => {
      const wall = Date.UTC(Number(time.year), Number(time.month) - 1, Number(time.day), Number(time.hour), Number(time.minute));
      const guess = offsetAt(timeZone, wall);
      const offset = offsetAt(timeZone, wall - offsetMinutes(guess) * 60000);
      return `${time.year}-${time.month}-${time.day}T${time.hour}:${time.minute}:00${offset}`;
    }),
  };
}
