// Pelican's Markdown file format: a "Key: value" metadata header, a blank
// line, the Markdown body. Read and written so that a file opened and saved
// unchanged is byte-identical, and a changed file keeps its other lines as
// they were (byte-order mark, fences, key spelling, order, spacing, line
// ends, unknown and repeated keys).
//
// The header is read exactly as sitelib/metadata.py reads it (the one
// header parser of the build, `invoke check` and the office check, which
// reads what Pelican's own Markdown reader reads; the tests compare the two
// on a corpus of tricky texts):
// - one byte-order mark at the start is dropped; CR LF, CR and LF end lines,
//   nothing else does (U+2028, form feed and the like stay inside values);
// - before a header line is read, STX and ETX are removed and its tabs are
//   expanded to 4-column stops (Python-Markdown's whitespace normalisation);
// - a first line starting with `---` opens the header; a later line starting
//   with `---` or `...` closes it;
// - a key line is up to three spaces, a key of ASCII letters, digits, `_`
//   and `-`, a colon, the value; a line starting with four spaces continues
//   the value before it (joined by a space);
// - the header ends at the first blank line (only Python white space), at
//   the closing fence, or at the first line that is neither: that line
//   starts the body;
// - values lose the white space around them as Python's str.strip() sees
//   it (PYTHON_SPACE); a key written twice keeps every line, and the first
//   one counts.
// JavaScript's `\s`, `.` and trim() treat U+2028 and other characters
// unlike Python's, so the rules below spell out their characters.

import { slugMaker } from './slug.js';

const BYTE_ORDER_MARK = '\ufeff';
const LINE_BREAK = /\r\n|\r|\n/g;
const OPENING_FENCE = /^-{3}/;
const CLOSING_FENCE = /^(?:-{3}|\.{3})/;
const KEY_LINE = /^[ ]{0,3}([A-Za-z0-9_-]+):([^\n]*)$/;
const MORE_LINE = /^[ ]{4,}([^\n]*)$/;
// What Python's str.isspace() calls white space.
const PYTHON_SPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_SPACE = new RegExp(`^[${PYTHON_SPACE}]+`);
const TRAILING_SPACE = new RegExp(`[${PYTHON_SPACE}]+$`);
const TAB_LENGTH = 4;

/** Spaces and tabs removed from both ends (Python's str.strip(" \t")). */
function stripSpace(text) {
  return text.replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
}

/** White space removed from both ends, as Python's str.strip() removes it. */
function stripPython(text) {
  return text.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '');
}

/** A line as Python-Markdown's `meta` extension sees it: no STX or ETX, tabs expanded (columns are code points). */
function headerLine(line) {
  let expanded = '';
  let column = 0;
  for (const character of line.replace(/[\x02\x03]/g, '')) {
    const text = character === '\t' ? ' '.repeat(TAB_LENGTH - (column % TAB_LENGTH)) : character;
    expanded += text;
    column += character === '\t' ? text.length : 1;
  }
  return expanded;
}

function endsWithBreak(text) {
  return text.endsWith('\n') || text.endsWith('\r');
}

/** `text` ending with a line break (unless empty). */
function withBreak(text, newline) {
  return text && !endsWithBreak(text) ? text + newline : text;
}

/** The lines as the rules see them, and each line as written (with its line end). */
function splitLines(text) {
  const lines = [];
  const raws = [];
  let start = 0;
  for (const found of text.matchAll(LINE_BREAK)) {
    lines.push(text.slice(start, found.index));
    raws.push(text.slice(start, found.index + found[0].length));
    start = found.index + found[0].length;
  }
  lines.push(text.slice(start));
  raws.push(text.slice(start));
  return { lines, raws };
}

/**
 * A file's text read with the header rules: `entries` [{key, value, raw}]
 * and `body` (line ends as LF) are what sitelib.metadata.parse_document
 * reads; the rest keeps the text as written: `bom`, `opening` (the opening
 * fence line), `closing` (the blank or fence line that ended the header),
 * `rest` (everything after it) and `newline` (the file's first line end).
 */
export function parseDocument(text) {
  const bom = text.startsWith(BYTE_ORDER_MARK) ? BYTE_ORDER_MARK : '';
  const { lines, raws } = splitLines(text.slice(bom.length));
  const entries = [];
  let index = 0;
  let opening = '';
  let closing = '';
  if (OPENING_FENCE.test(headerLine(lines[0]))) {
    opening = raws[0];
    index = 1;
  }
  while (index < lines.length) {
    const line = headerLine(lines[index]);
    if (!stripPython(line) || CLOSING_FENCE.test(line)) {
      closing = raws[index];
      index += 1;
      break;
    }
    const key = KEY_LINE.exec(line);
    const more = MORE_LINE.exec(line);
    if (key) {
      entries.push({ key: key[1], value: stripPython(key[2]), raw: raws[index] });
    } else if (more && entries.length) {
      const last = entries[entries.length - 1];
      last.value = [last.value, stripPython(more[1])].filter(Boolean).join(' ');
      last.raw += raws[index];
    } else {
      break;
    }
    index += 1;
  }
  const newline = (text.match(/\r\n|\r|\n/) || ['\n'])[0];
  return {
    bom, opening, entries, closing, newline,
    body: lines.slice(index).join('\n'),
    rest: raws.slice(index).join(''),
  };
}

export function splitList(value) {
  return value.split(',').map(stripSpace).filter(Boolean);
}

function pad(number) {
  return String(number).padStart(2, '0');
}

/** A field's value as the header writes it: lists comma separated, one line. */
export function fieldText(field, value) {
  if (value === undefined || value === null) return '';
  if (field.list) {
    const items = Array.isArray(value) ? value : splitList(String(value));
    return items.map((item) => stripSpace(String(item))).filter(Boolean).join(', ');
  }
  if (value instanceof Date) {
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())} ${pad(value.getHours())}:${pad(value.getMinutes())}`;
  }
  return stripSpace(String(value).replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' '));
}

/**
 * The metadata fields of every collection in a Decap configuration, in the
 * order files list them (`order`: data/metadata_fields.toml's, from the
 * build): [{name, list}] (lists are comma separated in files). One format
 * serves all collections: every key of any of them is known; the body and
 * the original text (`names`) are entry data, not header fields.
 */
export function formatFields(config, names, order) {
  const fields = [];
  for (const collection of config.collections) {
    for (const field of collection.fields) {
      if ([names.body, names.original].includes(field.name) || fields.some((known) => known.name === field.name)) continue;
      fields.push({ name: field.name, list: field.widget === 'list' || (field.widget === 'select' && field.multiple === true) });
    }
  }
  const place = (field) => (order.includes(field.name) ? order.indexOf(field.name) : order.length);
  return fields.sort((one, other) => place(one) - place(other));
}

function fieldsByKey(fields) {
  return new Map(fields.map((field) => [field.name.toLowerCase(), field]));
}

/** Entry data for the CMS from a file's text (the first line of a repeated key counts). */
function fromFile(text, fields, names) {
  const byKey = fieldsByKey(fields);
  const document = parseDocument(text);
  const data = { [names.original]: text, [names.body]: document.body };
  const read = new Set();
  for (const entry of document.entries) {
    const field = byKey.get(entry.key.toLowerCase());
    if (!field || read.has(field.name)) continue;
    read.add(field.name);
    data[field.name] = field.list ? splitList(entry.value) : entry.value;
  }
  // A file without Status is published: '' (written as no line) lets the lists' status filter see it.
  if (names.status && !(names.status in data)) data[names.status] = '';
  return data;
}

/** A body as written after the header: no trailing blank space, one line end, the file's line ends. */
function bodyText(body, newline) {
  const text = String(body || '').replace(/\r\n|\r/g, '\n').replace(/[ \t\n]+$/, '');
  return text ? `${text}\n`.replace(/\n/g, newline) : '';
}

function newFile(data, fields, names, slugify) {
  const lines = [];
  for (const field of fields) {
    let text = fieldText(field, data[field.name]);
    if (!text && field.name === names.slug) text = slugify(fieldText({ list: false }, data[names.title]));
    if (text) lines.push(`${field.name}: ${text}\n`);
  }
  return `${lines.join('')}\n${bodyText(data[names.body], '\n')}`;
}

/** The file's text for entry data: the original text wherever its values did not change. */
function toFile(data, fields, names, slugify) {
  if (typeof data[names.original] !== 'string') return newFile(data, fields, names, slugify);
  const byKey = fieldsByKey(fields);
  const original = parseDocument(data[names.original]);
  const { newline } = original;
  let header = original.bom + original.opening;
  const written = new Set();
  original.entries.forEach((entry, position) => {
    const key = entry.key.toLowerCase();
    const field = byKey.get(key);
    if (!field || written.has(field.name)) {
      header += entry.raw; // a field the form does not know, or a repetition: kept as it was
      return;
    }
    written.add(field.name);
    const before = fieldText(field, field.list ? splitList(entry.value) : entry.value);
    const after = fieldText(field, data[field.name]);
    if (after === before) {
      header += entry.raw;
      return;
    }
    const lineEnd = (entry.raw.match(/(?:\r\n|\r|\n)$/) || [''])[0];
    // An emptied field loses its line, unless a repetition below would then count instead.
    const repeated = original.entries.slice(position + 1).some((later) => later.key.toLowerCase() === key);
    if (after) header += `${entry.key}: ${after}${lineEnd}`;
    else if (repeated) header += `${entry.key}:${lineEnd}`;
  });
  const added = fields
    .filter((field) => !written.has(field.name))
    .map((field) => [field.name, fieldText(field, data[field.name])])
    .filter(([, text]) => text)
    .map(([name, text]) => `${name}: ${text}${newline}`);
  if (added.length) header = withBreak(header, newline) + added.join('');
  const hasHeader = original.opening || original.entries.length || added.length;
  let { closing } = original;
  if ((data[names.body] || '') === original.body) {
    // A header added above a file that had none is closed, so its first line stays the body's.
    if (!closing && added.length && !original.entries.length) closing = newline;
    return header + closing + original.rest;
  }
  const body = bodyText(data[names.body], newline);
  if (!hasHeader) return header + closing + body;
  return withBreak(header, newline) + (closing ? withBreak(closing, newline) : newline) + body;
}

/**
 * Our format for a Decap configuration with the build's `site` section
 * (plugins/web_editor/contract.py): field names, the body's and original
 * text's names in the entry data, and the slug a new file takes from its
 * title when its Slug field is empty.
 */
export function pelicanFormat(config, site) {
  const names = {
    body: site.body, original: site.original_text, title: site.fields.title, slug: site.fields.slug, status: site.fields.status,
  };
  const fields = formatFields(config, names, site.header_order);
  const slugify = slugMaker(site.slug);
  return {
    fields,
    fromFile: (text) => fromFile(text, fields, names),
    toFile: (data) => toFile(data, fields, names, slugify),
  };
}
