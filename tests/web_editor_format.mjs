// Runs the web editor's own modules (web_editor/src) in Node for tests/test_web_editor.py:
// reads a JSON request on stdin, prints the results as JSON.
import { readFileSync } from 'node:fs';
import { formatFields, fromFile, parseDocument, toFile, slugify } from '../web_editor/src/pelican-format.js';
import { siteDateText } from '../web_editor/src/site-dates.js';
import { pathDateData } from '../web_editor/src/file-path.js';
import { wallTimeIn, wallTimeText } from '../web_editor/src/wall-time.js';

const request = JSON.parse(readFileSync(0, 'utf8'));
for (const key of ['files', 'edits', 'created', 'titles', 'dates', 'headers', 'pathDates', 'nows']) request[key] ??= [];
const fields = formatFields(request.config);
const result = {
  fields,
  roundTrips: request.files.map((text) => toFile(fromFile(text, fields), fields)),
  parsed: request.files.map((text) => fromFile(text, fields)),
  edited: request.edits.map(({ text, changes }) => toFile({ ...fromFile(text, fields), ...changes }, fields)),
  created: request.created.map((data) => toFile(data, fields)),
  slugs: request.titles.map(slugify),
  dates: request.dates.map(siteDateText),
  // The header parser alone, to compare with sitelib.metadata.parse_document.
  headers: request.headers.map((text) => {
    const { entries, body } = parseDocument(text);
    return { entries: entries.map(({ key, value }) => [key, value]), body };
  }),
  pathDates: request.pathDates.map(({ date, timeZone, now }) => pathDateData(date, timeZone, new Date(now * 1000))),
  nows: request.nows.map(({ timeZone, now }) => wallTimeText(wallTimeIn(timeZone, new Date(now * 1000)))),
};
process.stdout.write(JSON.stringify(result));
