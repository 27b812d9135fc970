// Pelican's Markdown file format: a "Key: value" metadata header, a blank
// line, the Markdown body. Read and written so that a file opened and saved
// unchanged is byte-identical, and a changed file keeps its other lines as
// they were (key spelling, order, spacing, unknown keys).

// Python-Markdown's meta extension, which Pelican uses to read the header.
const META_LINE = /^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$/;
const META_MORE = /^[ ]{4,}(.*)$/;

function withoutNewline(line) {
  return line.replace(/\r?\n$/, '');
}

/** The header entries (with their raw lines), the blank line(s) after it and the body. */
export function parseDocument(text) {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) || [];
  const entries = [];
  let index = 0;
  for (; index < lines.length; index += 1) {
    const line = withoutNewline(lines[index]);
    if (!line.trim()) break;
    const meta = line.match(META_LINE);
    const more = line.match(META_MORE);
    if (meta) {
      entries.push({ key: meta[1], value: meta[2].trim(), raw: lines[index] });
    } else if (more && entries.length) {
      const last = entries[entries.length - 1];
      last.value = `${last.value} ${more[1].trim()}`;
      last.raw += lines[index];
    } else {
      break;
    }
  }
  let bodyStart = index;
  while (bodyStart < lines.length && !withoutNewline(lines[bodyStart]).trim()) bodyStart += 1;
  return {
    entries,
    separator: lines.slice(index, bodyStart).join(''),
    body: lines.slice(bodyStart).join(''),
  };
}

export function splitList(value) {
  return value.split(',').map((part) => part.trim()).filter(Boolean);
}

function pad(number) {
  return String(number).padStart(2, '0');
}

/** A field's value as the header writes it: lists comma separated, one line. */
export function fieldText(field, value) {
  if (value === undefined || value === null) return '';
  if (field.list) {
    const items = Array.isArray(value) ? value : splitList(String(value));
    return items.map((item) => String(item).trim()).filter(Boolean).join(', ');
  }
  if (value instanceof Date) {
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())} ${pad(value.getHours())}:${pad(value.getMinutes())}`;
  }
  return String(value).replace(/\s*\n\s*/g, ' ').trim();
}

/** Pelican's default slugify: accents dropped, only letters, digits, "_" and "-", lower case. */
export function slugify(text) {
  return text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[-\s]+/g, '-')
    .toLowerCase();
}

/**
 * The metadata fields of every collection in a Decap configuration, in the
 * order files list them: [{name, list}] (lists are comma separated in files).
 * One format serves all collections: every key of any of them is known.
 */
export function formatFields(config) {
  const fields = [];
  for (const collection of config.collections) {
    for (const field of collection.fields) {
      if (['body', 'original_text'].includes(field.name) || fields.some((known) => known.name === field.name)) continue;
      fields.push({ name: field.name, list: field.widget === 'list' || (field.widget === 'select' && field.multiple === true) });
    }
  }
  return fields;
}

/** Entry data for the CMS from a file's text. `fields`: [{name, list}] in the file's canonical order. */
export function fromFile(text, fields) {
  const byKey = new Map(fields.map((field) => [field.name.toLowerCase(), field]));
  const document = parseDocument(text);
  const data = { original_text: text, body: document.body };
  for (const entry of document.entries) {
    const field = byKey.get(entry.key.toLowerCase());
    if (field) data[field.name] = field.list ? splitList(entry.value) : entry.value;
  }
  return data;
}

/** The file's text for entry data: the original lines where values did not change. */
export function toFile(data, fields) {
  const byKey = new Map(fields.map((field) => [field.name.toLowerCase(), field]));
  const original = data.original_text ? parseDocument(data.original_text) : null;
  const lines = [];
  const written = new Set();
  for (const entry of original ? original.entries : []) {
    const field = byKey.get(entry.key.toLowerCase());
    if (!field) {
      lines.push(entry.raw); // a field the form does not know: kept as it was
      continue;
    }
    written.add(field.name);
    const before = fieldText(field, field.list ? splitList(entry.value) : entry.value);
    const after = fieldText(field, data[field.name]);
    if (after === before) lines.push(entry.raw);
    else if (after) lines.push(`${entry.key}: ${after}\n`);
  }
  for (const field of fields) {
    if (written.has(field.name)) continue;
    let text = fieldText(field, data[field.name]);
    if (!text && field.name === 'Slug' && !original) text = slugify(fieldText(field, data.Title));
    if (text) lines.push(`${field.name}: ${text}\n`);
  }
  if (lines.length && !lines[lines.length - 1].endsWith('\n')) lines[lines.length - 1] += '\n';
  const body = data.body || '';
  if (original && body === original.body) return lines.join('') + original.separator + original.body;
  return `${lines.join('')}\n${body.replace(/\s+$/, '')}\n`;
}
