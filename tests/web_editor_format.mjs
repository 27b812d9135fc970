// Runs the web editor's own modules (web_editor/src) in Node for tests/test_web_editor.py and
// tests/test_editor_contract*.py: reads a JSON request on stdin ({config, …}; config is admin/config.json
// with its `site` section), prints the results as JSON.
import { readFileSync } from 'node:fs';
import { parseDocument, pelicanFormat } from '../web_editor/src/pelican-format.js';
import { siteDates } from '../web_editor/src/site-dates.js';
import { pathDateData } from '../web_editor/src/file-path.js';
import { readWallTime, wallTimeIn, wallTimeText } from '../web_editor/src/wall-time.js';
import { slugMaker } from '../web_editor/src/slug.js';
import { readingTime, slotValues } from '../web_editor/src/preview.js';
import { officeInRoute, startingRoute } from '../web_editor/src/office-start.js';

const request = JSON.parse(readFileSync(0, 'utf8'));
for (const key of ['files', 'edits', 'created', 'titles', 'dates', 'headers', 'pathDates', 'nows', 'slots', 'wallTimes', 'readingTimes', 'routes']) request[key] ??= [];
const { site, ...config } = request.config;
const format = pelicanFormat(config, site);
const slugify = slugMaker(site.slug);
const dates = siteDates(site);
const dateFormat = config.collections.flatMap((collection) => collection.fields).find((field) => field.name === site.fields.date).format;
const result = {
  fields: format.fields,
  roundTrips: request.files.map((text) => format.toFile(format.fromFile(text))),
  parsed: request.files.map((text) => format.fromFile(text)),
  edited: request.edits.map(({ text, changes }) => format.toFile({ ...format.fromFile(text), ...changes })),
  created: request.created.map((data) => format.toFile(data)),
  slugs: request.titles.map(slugify),
  dates: request.dates.map((value) => ({ date: dates.date(value), time: dates.time(value), iso: dates.iso(value) })),
  // The header parser alone, to compare with sitelib.metadata.parse_document.
  headers: request.headers.map((text) => {
    const { entries, body } = parseDocument(text);
    return { entries: entries.map(({ key, value }) => [key, value]), body };
  }),
  pathDates: request.pathDates.map(({ date, timeZone, now }) => pathDateData(site, date, timeZone, new Date(now * 1000))),
  nows: request.nows.map(({ timeZone, now }) => wallTimeText(wallTimeIn(timeZone, new Date(now * 1000)), dateFormat)),
  slots: request.slots.map(({ data, bodyText }) => slotValues(site, data, (path) => `blob:${path}`, bodyText)),
  // Dates read in the configuration's date format; reading times of texts as the preview counts them.
  wallTimes: request.wallTimes.map((text) => readWallTime(text, site.date_format)),
  readingTimes: request.readingTimes.map((text) => readingTime(text, site.preview.reading_time)),
  // Which office an address is in, and where /admin/ goes with a remembered office (office-start.js).
  routes: request.routes.map(({ hash, remembered }) => ({
    office: officeInRoute(hash, site.collections.offices),
    start: startingRoute(hash, remembered, site.collections.offices),
  })),
};
process.stdout.write(JSON.stringify(result));
