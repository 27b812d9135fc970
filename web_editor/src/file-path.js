// New articles are named by their own Date, as `invoke new` names them:
// content/articles/YYYY/YYYY-MM-DD-slug.md with the date of the Date field
// (WIB wall time), never the browser's clock or zone.
//
// Why a preSave listener (read in decap-cms-core's lib/formatters.ts and
// decap-cms-lib-widgets' stringTemplate.ts, the versions we ship):
// - {{year}}, {{month}}, {{day}} in a collection's `path` come from the UTC
//   clock (decap-cms#2944), or from a field named exactly "date",
//   "publishDate" or "publish_date" converted to UTC;
// - the `path` template is lower-cased and its dots become dashes before it
//   is filled (prepareSlug), so {{fields.Date}} and | date('YYYY') cannot
//   reach our "Date" field there (and the date filter parses in the
//   browser's zone anyway);
// - a preSave listener runs before the path is made, and any other
//   {{name}} in the template is read from the entry's data.
// So before a new entry of a collection with `path_date_field` is saved, this
// puts the date parts of that field into the data as date_year, date_month
// and date_day, which the collection's `path` names. Our file format writes
// only the form's fields, so these never reach the file.
import { readWallTime, wallTimeIn } from './wall-time.js';

/** The data keys the `path` template reads ({{date_year}}, {{date_month}}, {{date_day}}). */
export function pathDateData(dateText, timeZone, now = new Date()) {
  const time = readWallTime(dateText) || wallTimeIn(timeZone, now);
  return { date_year: time.year, date_month: time.month, date_day: time.day };
}

/** Decap's preSave listener for every collection of `config` that names a `path_date_field`. */
export function pathDateListener(config) {
  const collections = new Map();
  for (const collection of config.collections) {
    if (!collection.path_date_field) continue;
    const field = collection.fields.find((candidate) => candidate.name === collection.path_date_field);
    collections.set(collection.name, { name: collection.path_date_field, timeZone: field.time_zone });
  }
  return {
    name: 'preSave',
    handler: ({ entry }) => {
      const dateField = collections.get(entry.get('collection'));
      if (!dateField || !entry.get('newRecord')) return undefined; // existing files keep their path
      return entry.get('data').merge(pathDateData(entry.getIn(['data', dateField.name]), dateField.timeZone));
    },
  };
}
