// The body's own editor components ("Tambah komponen"): a document link, a
// photo gallery, a video or social post. Each writes the plain Markdown the
// site reads and reads it back when the entry is opened; a block read from a
// file is written back exactly as it was as long as its fields are unchanged
// (the text as read is kept with the block's data). Their ids, the widget
// names and every rule come from the configuration's `site` section.
//
// - Dokumen: `[Judul dokumen]({static}/dokumen/…/berkas.pdf)` alone in its
//   paragraph (documents.js uploads the file with the entry);
// - Galeri foto: two or more local photos, one a line, no blank line between:
//   `![Alt](src "Keterangan")`; the photos are chosen and uploaded through
//   Decap's media library like the body's image, so photo-prepare.js prepares
//   them and they go to the photo folder;
// - Video atau kiriman: an address of a provider of plugins/video_embeds alone
//   on its line, bare, in <…>, or as `[Judul](address "Keterangan")`.
// The preview shows each as the site does (documents with their type, the
// gallery as the site's grid, videos as their placeholder; embed-preview.js).
import { documentKind, sizeText } from './documents.js';
import { embedHtml, recognise } from './embed-preview.js';
import { headerNodes } from './preview-header.js';

const IMAGE_LINE = String.raw`!\[([^\]\n]*)\]\(([^\s()"]+)(?: "([^"\n]*)")?\)`;
const BLOCK_END = String.raw`(?=\n\n|\n*$)`;

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeHtml(text) {
  return String(text || '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// Link text as Markdown reads it: "\]" is "]".
function linkText(text) {
  return text.replace(/\\([\\[\]])/g, '$1');
}

function markdownText(text) {
  return String(text || '').replace(/([\\[\]])/g, '\\$1').replace(/\s*\n\s*/g, ' ');
}

// A caption in a Markdown title ("…"): no double quote or line break inside.
function titleText(text) {
  return String(text || '').replace(/"/g, '\u201d').replace(/\s*\n\s*/g, ' ').trim();
}

/** The text of a block as read, when `data` still says what it said; else null. */
function unchanged(data, parse, build) {
  if (!data || !data.source) return null;
  return build(parse(data.source)) === build(data) ? data.source : null;
}

/** `pending` (documents.js): documents picked and not saved yet, whose size the preview knows. */
export function documentComponent(site, pending = new Map()) {
  const { documents } = site;
  const suffixes = documents.kinds.map((kind) => escapeRegExp(kind.suffix.slice(1))).join('|');
  const link = String.raw`\[((?:[^\]\n\\]|\\.)+)\]\((${escapeRegExp(documents.public_folder)}/[^\s()"]+\.(?:${suffixes}))\)`;
  const parse = (source) => {
    const match = new RegExp(`^${link}$`, 'i').exec(source);
    return match ? { text: linkText(match[1]), file: match[2] } : {};
  };
  const build = (data) => `[${markdownText(data.text).trim()}](${data.file || ''})`;
  return {
    id: site.components.document,
    label: 'Dokumen',
    fields: [
      { name: 'text', label: 'Judul dokumen', widget: 'string', hint: 'Wajib: teks tautan ke dokumen, misalnya "Daftar jemaah berhak lunas 2026".' },
      { name: 'file', label: 'Berkas (PDF, DOC/DOCX, XLS/XLSX, PPT/PPTX, ODT, ODS atau ZIP)', widget: site.widgets.document },
    ],
    pattern: new RegExp(`^${link}${BLOCK_END}`, 'i'),
    fromBlock: (match) => ({ ...parse(match[0]), source: match[0] }),
    toBlock: (data) => unchanged(data, parse, build) ?? build(data),
    // As the page shows it: the link, then its type (and size, when the file is at hand) as the build writes it.
    toPreview: (data) => {
      const kind = documentKind(data.file, documents);
      const picked = pending.get(data.file);
      const label = kind ? `(${kind.label}${picked ? `, ${sizeText(picked.file.size)}` : ''})` : '';
      const info = label ? ` <span class="${escapeHtml(documents.info_class)}">${escapeHtml(label)}</span>` : '';
      return `<p><a href="${escapeHtml(data.file)}">${escapeHtml(data.text)}</a>${info}</p>`;
    },
  };
}

/** The photos of a gallery block: [{photo, alt, caption}]. */
export function galleryPhotos(source) {
  return source.split('\n').filter(Boolean).map((line) => {
    const match = new RegExp(`^${IMAGE_LINE}$`).exec(line);
    return { photo: match[2], alt: match[1], caption: match[3] ?? '' };
  });
}

export function galleryMarkdown(photos) {
  return photos.map(({ photo, alt, caption }) => {
    const title = titleText(caption);
    return `![${String(alt || '').replace(/[\]\n]/g, ' ').trim()}](${photo || ''}${title ? ` "${title}"` : ''})`;
  }).join('\n');
}

export function galleryComponent(site, imageField) {
  const { gallery } = site;
  const parse = (source) => ({ photos: galleryPhotos(source) });
  const build = (data) => galleryMarkdown(data.photos || []);
  const local = escapeRegExp(imageField.public_folder);
  const line = IMAGE_LINE.replace(String.raw`([^\s()"]+)`, String.raw`(${local}/[^\s()"]+)`);
  return {
    id: site.components.gallery,
    label: gallery.label,
    fields: [{
      name: 'photos', label: 'Foto', label_singular: 'foto', widget: 'list', min: gallery.minimum, collapsed: false,
      fields: [
        { name: 'photo', label: 'Foto', widget: imageField.widget, choose_url: false, media_folder: imageField.media_folder, public_folder: imageField.public_folder },
        { name: 'alt', label: 'Teks alternatif (wajib)', widget: 'string', hint: 'Apa yang terlihat di foto, untuk pembaca yang tidak bisa melihatnya.' },
        { name: 'caption', label: 'Keterangan', widget: 'string', required: false },
      ],
    }],
    pattern: new RegExp(`^(?:${line}\\n){${gallery.minimum - 1},}${line}${BLOCK_END}`),
    fromBlock: (match) => ({ ...parse(match[0]), source: match[0] }),
    toBlock: (data) => unchanged(data, parse, build) ?? build(data),
    toPreview: (data, getAsset, fields) => {
      const doc = document;
      const template = doc.createElement('template');
      template.innerHTML = gallery.markup;
      const list = template.content.firstElementChild;
      const item = list.firstElementChild;
      item.remove();
      const imageField = fields && fields.getIn ? fields.getIn([0, 'fields', 0]) : undefined;
      for (const photo of data.photos || []) {
        const asset = photo.photo ? getAsset(photo.photo, imageField) : '';
        const values = { src: String(asset || ''), alt: photo.alt || '', caption: photo.caption || '' };
        list.append(headerNodes(doc, item.outerHTML, site.preview.slot_marks, values));
      }
      return list.outerHTML;
    },
  };
}

/** Problems of the texts to be saved: a gallery photo without its text alternative. */
export function galleryProblem(texts, site) {
  const pattern = new RegExp(`(?:^|\\n\\n)((?:${IMAGE_LINE}\\n){${site.gallery.minimum - 1},}${IMAGE_LINE})${BLOCK_END}`, 'g');
  for (const text of texts) {
    for (const match of text.matchAll(pattern)) {
      if (galleryPhotos(match[1]).some((photo) => !photo.alt.trim())) {
        return 'Setiap foto di galeri wajib punya teks alternatif (apa yang terlihat di foto).';
      }
    }
  }
  return '';
}

export function embedComponent(site) {
  const { embeds } = site;
  const hosts = [...new Set(embeds.providers.flatMap((provider) => provider.hosts))].map(escapeRegExp).join('|');
  const address = String.raw`https?://(?:${hosts})(?:[/?#][^\s<>()"\[\]]*)?`;
  const forms = String.raw`<(${address})>|\[((?:[^\]\n\\]|\\.)*)\]\((${address})(?: "([^"\n]*)")?\)|(${address})`;
  const parse = (source) => {
    const match = new RegExp(`^(?:${forms})$`, 'i').exec(source) || [];
    if (match[1]) return { url: match[1], label: '', caption: '', form: 'angle' };
    if (match[3]) return { url: match[3], label: linkText(match[2]), caption: match[4] ?? '', form: 'link' };
    return { url: match[5] || '', label: '', caption: '', form: 'bare' };
  };
  const build = (data) => {
    const label = markdownText(data.label).trim();
    const caption = titleText(data.caption);
    if (label || caption) return `[${label}](${data.url || ''}${caption ? ` "${caption}"` : ''})`;
    return data.form === 'angle' ? `<${data.url || ''}>` : String(data.url || '');
  };
  return {
    id: site.components.embed,
    label: 'Video atau kiriman media sosial',
    fields: [
      { name: 'url', label: 'Alamat video atau kiriman', widget: 'string', hint: 'YouTube, Vimeo, Facebook, Instagram, X (Twitter), TikTok atau WordPress.tv.' },
      { name: 'label', label: 'Judul', widget: 'string', required: false },
      { name: 'caption', label: 'Keterangan', widget: 'string', required: false },
    ],
    pattern: new RegExp(`^(?:${forms})${BLOCK_END}`, 'i'),
    fromBlock: (match) => ({ ...parse(match[0]), source: match[0] }),
    toBlock: (data) => unchanged(data, parse, build) ?? build(data),
    toPreview: (data) => {
      const found = recognise(String(data.url || ''), embeds);
      if (!found) return `<p><a href="${escapeHtml(data.url)}">${escapeHtml(data.label || data.url)}</a></p>`;
      return embedHtml(document, embeds, found, data.label, data.caption, site.preview.reading_time.whitespace);
    },
  };
}

/** Registers the three components with Decap (`CMS.registerEditorComponent`). `imageField` is the
 * configuration of the article's photo field: the gallery's photos take its widget and folders;
 * `pending` the documents picked and not saved yet (documents.js). Decap
 * tries the components in the order they were registered, its own image component (named after the
 * image widget) first: that one is registered again (it keeps its place) with a pattern that leaves a
 * gallery's paragraph to the gallery. */
export function registerBodyComponents(CMS, site, imageField, pending) {
  const gallery = galleryComponent(site, imageField);
  CMS.registerEditorComponent(documentComponent(site, pending));
  CMS.registerEditorComponent(gallery);
  CMS.registerEditorComponent(embedComponent(site));
  const image = CMS.getEditorComponents().get(imageField.widget);
  if (image) {
    const unanchored = (pattern) => pattern.source.replace(/^\^/, '');
    CMS.registerEditorComponent({
      ...image, pattern: new RegExp(`^(?!${unanchored(gallery.pattern)})${unanchored(image.pattern)}`, image.pattern.flags),
    });
  }
}
