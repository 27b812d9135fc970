// Runs the web editor's own modules (web_editor/src) in Node for tests/test_web_editor.py:
// reads a JSON request on stdin, prints the results as JSON.
import { readFileSync } from 'node:fs';
import { formatFields, fromFile, toFile, slugify } from '../web_editor/src/pelican-format.js';
import { siteDateText } from '../web_editor/src/site-dates.js';

const request = JSON.parse(readFileSync(0, 'utf8'));
const fields = formatFields(request.config);
const result = {
  fields,
  roundTrips: request.files.map((text) => toFile(fromFile(text, fields), fields)),
  parsed: request.files.map((text) => fromFile(text, fields)),
  edited: request.edits.map(({ text, changes }) => toFile({ ...fromFile(text, fields), ...changes }, fields)),
  created: request.created.map((data) => toFile(data, fields)),
  slugs: request.titles.map(slugify),
  dates: request.dates.map(siteDateText),
};
process.stdout.write(JSON.stringify(result));
