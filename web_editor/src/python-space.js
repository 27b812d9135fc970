// Python's white space rules in JavaScript, for the white space characters the
// build sends (Python's str.isspace set; JavaScript's \s differs): used by the
// slug (slug.js) and the preview's word count (preview.js).

function escapeClass(text) {
  return text.replace(/[\\\]^-]/g, '\\$&');
}

/** Python's str.split() (words), str.split() joined by single spaces (fold) and str.strip() (strip). */
export function spaceRules(whitespace) {
  const run = new RegExp(`[${escapeClass(whitespace)}]+`, 'gu');
  const edges = new RegExp(`^[${escapeClass(whitespace)}]+|[${escapeClass(whitespace)}]+$`, 'gu');
  return {
    words: (text) => text.split(run).filter(Boolean),
    fold: (text) => text.replace(edges, '').replace(run, ' '),
    strip: (text) => text.replace(edges, ''),
  };
}
