// New articles are named by their own Date, as `invoke new` names them:
// content/articles/OFFICE/YYYY/YYYY-MM-DD-slug.md (the office is the collection's folder) with the date of the Date field
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
// So before a new entry of a collection naming its path date field (under our
// own key site.config_keys.path_date_field) is saved, this
// puts the date parts of that field into the data under the keys the
// collection's `path` names (site.path_date.keys, from the build). Our file
// format writes only the form's fields, so these never reach the file.
//
// The file's slug is its Slug field (the collections' `slug` template names
// it): left empty, it is filled here from the title with Pelican's rules
// (slug.js), so the file name and its Slug line are the slug the site uses.
import { readWallTime, wallTimeIn } from './wall-time.js';

/** The data the `path` template reads (site.path_date.keys: {year, month, day} to the template's names),
 * from a date written as site.date_format says, or today in `timeZone` without one. */
export function pathDateData(site, dateText, timeZone, now = new Date()) {
  const keys = site.path_date.keys;
  const time = readWallTime(dateText, site.date_format) || wallTimeIn(timeZone, now);
  return { [keys.year]: time.year, [keys.month]: time.month, [keys.day]: time.day };
}

/** Decap's preSave listener: a new entry's Slug (from its title when empty) and, for the collections
 * of `config` that name a path date field, the date parts of its path. */
export function newFileListener(config, site, slugify) {
  const dated = new Map();
  for (const collection of config.collections) {
    const name = collection[site.config_keys.path_date_field];
    if (!name) continue;
    const field = collection.fields.find((candidate) => candidate.name === name);
    dated.set(collection.name, { name, timeZone: field[site.config_keys.time_zone] });
  }
  const { slug, title } = site.fields;
  return {
    name: 'preSave',
    handler: ({ entry }) => {
      if (!entry.get('newRecord')) return undefined; // existing files keep their path
      let data = entry.get('data');
      if (!data.get(slug)) data = data.set(slug, slugify(data.get(title)));
      const dateField = dated.get(entry.get('collection'));
      if (dateField) data = data.merge(pathDateData(site, data.get(dateField.name), dateField.timeZone));
      return data;
    },
  };
}
