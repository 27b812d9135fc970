// Pelican's slugify (pelican.utils.slugify), step by step, with the rules the
// build writes into the configuration (site.slug, from sitelib/slugs.py):
// 1. tags and comments dropped and white space folded as MarkupSafe's
//    striptags does, then character references decoded as html.unescape does;
// 2. NFKC normalisation;
// 3. ASCII transliteration with unidecode's table (the blocks the build lists;
//    any other non-ASCII character is dropped);
// 4. SLUG_REGEX_SUBSTITUTIONS, translated from Python by the build;
// 5. lower case (unless SLUGIFY_PRESERVE_CASE), white space stripped.
// tests/test_editor_contract_slugs.py compares it with Pelican's on one table.
import { spaceRules } from './python-space.js';

/** MarkupSafe's striptags before unescaping: each "<…>" and "<!--…-->" removed, up to an unclosed one. */
function stripTags(text) {
  const parts = [];
  let position = 0;
  for (;;) {
    const start = text.indexOf('<', position);
    if (start === -1) break;
    const comment = text.startsWith('<!--', start);
    const close = comment ? text.indexOf('-->', start + 4) : text.indexOf('>', start);
    if (close === -1) break;
    parts.push(text.slice(position, start));
    position = close + (comment ? 3 : 1);
  }
  return position > 0 ? parts.join('') + text.slice(position) : text;
}

/** html.unescape with its tables (entities: {named, numeric, dropped, reference}). */
function unescaper(entities) {
  const dropped = new Set(entities.dropped);
  const reference = new RegExp(entities.reference.source, entities.reference.flags);
  const replace = (match, name) => {
    if (name[0] === '#') {
      const hex = name[1] === 'x' || name[1] === 'X';
      const number = parseInt(name.slice(hex ? 2 : 1).replace(/;$/, ''), hex ? 16 : 10);
      if (Object.hasOwn(entities.numeric, String(number))) return entities.numeric[String(number)];
      if ((number >= 0xd800 && number <= 0xdfff) || number > 0x10ffff) return '\ufffd';
      if (dropped.has(number)) return '';
      return String.fromCodePoint(number);
    }
    if (Object.hasOwn(entities.named, name)) return entities.named[name];
    for (let length = name.length - 1; length > 1; length -= 1) {
      if (Object.hasOwn(entities.named, name.slice(0, length))) return entities.named[name.slice(0, length)] + name.slice(length);
    }
    return match;
  };
  return (text) => (text.includes('&') ? text.replace(reference, replace) : text);
}

/** unidecode for the listed blocks ({start, text}); other non-ASCII characters dropped. */
function transliterator(blocks) {
  return (text) => {
    let result = '';
    for (const character of text) {
      const code = character.codePointAt(0);
      if (code < 0x80) {
        result += character;
        continue;
      }
      const block = blocks.find(({ start, text: table }) => code >= start && code < start + table.length);
      if (block) result += block.text[code - block.start];
    }
    return result;
  };
}

/** The slug function for the configuration's `site.slug` rules. */
export function slugMaker(rules) {
  const { fold, strip } = spaceRules(rules.whitespace);
  const unescape = unescaper(rules.entities);
  const ascii = transliterator(rules.transliteration);
  const substitutions = rules.substitutions.map(({ source, flags, replacement }) => [new RegExp(source, flags), replacement]);
  return (value) => {
    let text = ascii(unescape(fold(stripTags(String(value || '')))).normalize('NFKC'));
    for (const [pattern, replacement] of substitutions) text = text.replace(pattern, replacement);
    return strip(rules.preserve_case ? text : text.toLowerCase());
  };
}
