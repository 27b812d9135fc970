// The article and page headers of the preview pane: the site's own partials,
// which the build renders with a slot for every value (site.preview, from
// plugins/web_editor/preview_header.py). Each slot takes its value; an
// attribute whose slots are all empty goes, and so does the outermost element
// holding nothing but empty slots (the credit without an author, the photo
// without a picture), as the template's conditions leave them out of a page.
// Values are set as text and attributes, never parsed as HTML.

function slotNames(text, marks) {
  const [start, end] = marks;
  const names = [];
  let position = text.indexOf(start);
  while (position !== -1) {
    const close = text.indexOf(end, position);
    names.push(text.slice(position + 1, close));
    position = text.indexOf(start, close);
  }
  return names;
}

function filled(text, marks, values) {
  const [start, end] = marks;
  return text.replace(new RegExp(`${start}([^${end}]*)${end}`, 'gu'), (match, name) => values[name] || '');
}

/** Every slot name in an element: its attributes and all it contains. */
function slotsWithin(element, marks) {
  const names = [];
  for (const node of [element, ...element.querySelectorAll('*')]) {
    for (const attribute of node.attributes) names.push(...slotNames(attribute.value, marks));
  }
  names.push(...slotNames(element.textContent, marks));
  return names;
}

/** A header's nodes (a DocumentFragment of `doc`) from its rendered partials (`html`, with slots between
 * `marks`) with `values` ({slot: text}) in their slots. */
export function headerNodes(doc, html, marks, values) {
  const template = doc.createElement('template');
  template.innerHTML = html;
  const root = template.content;
  const empty = (element) => slotsWithin(element, marks).every((name) => !values[name]);
  const holders = [...root.querySelectorAll('*')].filter((element) => {
    const own = [...element.attributes].some((attribute) => slotNames(attribute.value, marks).length)
      || [...element.childNodes].some((node) => node.nodeType === 3 && slotNames(node.data, marks).length);
    return own && empty(element);
  });
  for (const holder of holders) {
    let outermost = holder;
    while (outermost.parentElement && empty(outermost.parentElement)) outermost = outermost.parentElement;
    outermost.remove();
  }
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of [...element.attributes]) {
      const names = slotNames(attribute.value, marks);
      if (!names.length) continue;
      const value = names.map((name) => values[name] || '').join('');
      if (value) element.setAttribute(attribute.name, value);
      else element.removeAttribute(attribute.name);
    }
  }
  const walker = doc.createTreeWalker(root, 4); // NodeFilter.SHOW_TEXT
  for (let node = walker.nextNode(); node; node = walker.nextNode()) node.data = filled(node.data, marks, values);
  return root;
}
