// Documents attached to an article (PDF, DOC(X), XLS(X), PPT(X), ODT/ODS, ZIP):
// the editor picks a file in the "Dokumen" component of the body
// (body-components.js), and the body gets an ordinary link to it,
//     [Judul dokumen]({static}/dokumen/kab-wonosobo/2026/06/daftar-jemaah.pdf)
// which the build shows with its type and size. Every rule comes from the
// configuration's `site.documents` (plugins/web_editor/body_components.py, from
// sitelib.file_kinds): the endings, their first bytes, the largest file, the
// folder and the public prefix.
//
// Why not Decap's media library: a `file` field inside an editor component
// ignores its own `media_folder` (Decap looks the field up among the
// collection's fields by identity, decap-cms#6595), so the file would land
// among the photos. Instead the "Berkas" control here checks the file in the
// browser (ending, size, first bytes: a ".pdf" that is an HTML page is
// refused), names it below content/dokumen/OFFICE/YYYY/MM/ (the article's
// Reporting_office and Date, WIB wall time read as written), keeps it until the
// entry is saved, and the backend's persistEntry (wrapped here, as
// entry-moves.js wraps it) sends it along with the entry as one more asset, in
// the same commit (local proxy and GitHub alike). A document whose link is no
// longer in the saved text is not sent. A link without text is refused at
// save time: the title is required.
import { readWallTime, wallTimeIn } from './wall-time.js';

const TOO_LARGE = (name, size, limit) =>
  `Berkas "${name}" (${size}) lebih besar dari batas ${limit}, jadi tidak diunggah. ` +
  'Perkecil berkasnya (misalnya simpan ulang PDF dengan ukuran lebih kecil), atau unggah video ke YouTube.';
const WRONG_ENDING = (name, labels) =>
  `Berkas "${name}" tidak bisa dilampirkan: situs hanya menerbitkan dokumen ${labels}.`;
const WRONG_CONTENT = (name, label) =>
  `Isi berkas "${name}" bukan ${label} (berkas rusak atau akhiran namanya salah), jadi tidak diunggah. ` +
  `Simpan ulang dokumen itu sebagai ${label} lalu unggah lagi.`;
const NO_TITLE = 'Judul dokumen wajib diisi: setiap dokumen di isi berita perlu judul (teks tautannya).';
const UNREADABLE = (name) => `Berkas "${name}" tidak bisa dibaca oleh peramban ini, jadi tidak diunggah.`;

// Marks our own file inputs: photo-prepare.js leaves their files alone.
export const DOCUMENT_INPUT = 'data-document-upload';

function suffixOf(name) {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** The kind (site.documents.kinds) a file name's ending names, or null. */
export function documentKind(name, documents) {
  const suffix = suffixOf(String(name || ''));
  return documents.kinds.find((kind) => kind.suffix === suffix) || null;
}

/** A size as the site writes it (sitelib.file_kinds.size_text): "240 KB", "1,4 MB". */
export function sizeText(size) {
  const thousand = 1000;
  if (size < thousand * thousand) return `${Math.max(1, Math.round(size / thousand))} KB`;
  const megabytes = size / thousand / thousand;
  return `${megabytes < 10 ? megabytes.toFixed(1) : megabytes.toFixed(0)} MB`.replace('.', ',');
}

/** Whether the first bytes (a Uint8Array) are what `kind` begins with. */
export function beginsRight(kind, head) {
  const text = String.fromCharCode(...head); // one character a byte, as the patterns read them (Latin-1)
  return kind.signatures.some(({ source, flags }) => new RegExp(`^(?:${source})`, flags).test(text));
}

/** Why `file` cannot be attached (Indonesian), or '' when it can. */
export async function documentProblem(file, documents) {
  const kind = documentKind(file.name, documents);
  if (!kind) return WRONG_ENDING(file.name, documents.kinds.map((found) => found.label).join(', '));
  if (file.size > documents.max_bytes) return TOO_LARGE(file.name, sizeText(file.size), documents.max_text);
  let head;
  try {
    head = new Uint8Array(await file.slice(0, documents.head_bytes).arrayBuffer());
  } catch {
    return UNREADABLE(file.name);
  }
  return beginsRight(kind, head) ? '' : WRONG_CONTENT(file.name, kind.label);
}

/** The first `length` hex digits of the file's SHA-256: part of its stored name. */
export async function nameDigest(file, length) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('').slice(0, length);
}

/** Where a document goes, below the documents folder: OFFICE/YYYY/MM/name-DIGEST.ext (office left out when the
 * entry names none), the name made with the site's slug rules, `digest` (nameDigest) after it so another file
 * of the same name is never overwritten, and the ending in lower case. */
export function documentPlace(site, fileName, office, dateText, slugify, digest, now = new Date()) {
  const suffix = suffixOf(fileName);
  const stem = [slugify(fileName.slice(0, fileName.length - suffix.length)) || slugify(suffix.slice(1)), digest]
    .filter(Boolean).join('-');
  const time = readWallTime(dateText, site.date_format) || wallTimeIn(site.time_zone, now);
  const folders = [office, time.year, time.month].filter(Boolean).map((part) => slugify(String(part)));
  const relative = [...folders, `${stem}${suffix}`].join('/');
  return { path: `${site.documents.folder}/${relative}`, link: `${site.documents.public_folder}/${relative}` };
}

/** The documents picked but not saved yet: link -> {path, file}. */
export function pendingDocuments() {
  return new Map();
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function base64Of(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',', 2)[1]);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The documents of `pending` an entry's saved texts link, as assets the backends send ({path, toBase64}). */
export function documentAssets(texts, pending) {
  return [...pending.entries()]
    .filter(([link]) => texts.some((text) => text.includes(`](${link})`)))
    .map(([, { path, file }]) => ({ path, fileObj: file, toBase64: () => base64Of(file) }));
}

/** Why the texts cannot be saved ('' when they can): a document link without text. */
export function savingProblem(texts, documents) {
  const untitled = new RegExp(`\\[[\\s]*\\]\\(${escapeRegExp(documents.public_folder)}/`);
  return texts.some((text) => untitled.test(text)) ? NO_TITLE : '';
}

/** Wraps the backend Decap makes so every save carries the pending documents it links; `problem(texts)`
 * says why texts may not be saved ('' when they may). */
export function sendDocumentsWithEntries(CMS, backendName, documents, pending, problem = (texts) => savingProblem(texts, documents)) {
  const registered = CMS.getBackend(backendName);
  const init = registered.init;
  registered.init = (...args) => {
    const backend = init(...args);
    const persist = backend.persistEntry.bind(backend);
    backend.persistEntry = (entry, options) => {
      const texts = (entry.dataFiles || []).map((file) => String(file.raw || ''));
      const refusal = problem(texts);
      if (refusal) return Promise.reject(new Error(refusal));
      const assets = [...(entry.assets || []), ...documentAssets(texts, pending)];
      return persist({ ...entry, assets }, options);
    };
    return backend;
  };
}

/** The "Berkas" control of the document component: its value is the document's link ({static}/dokumen/…). */
export function documentControl(site, pending, slugify) {
  const h = window.h;
  const { documents } = site;
  return window.createClass({
    async pick(event) {
      const input = event.target;
      const [file] = input.files || [];
      if (!file) return;
      const problem = await documentProblem(file, documents);
      if (problem) {
        input.value = '';
        window.alert(problem);
        return;
      }
      const entry = this.props.getEntry ? this.props.getEntry() : this.props.entry;
      const data = (name) => (entry ? entry.getIn(['data', name]) : '');
      const digest = await nameDigest(file, documents.name_digest);
      const place = documentPlace(site, file.name, data(site.fields.reporting_office), data(site.fields.date), slugify, digest);
      pending.set(place.link, { path: place.path, file });
      this.setState({ picked: `${file.name} (${documentKind(file.name, documents).label}, ${sizeText(file.size)})` });
      this.props.onChange(place.link);
    },
    render() {
      const { value, forID, classNameWrapper } = this.props;
      const picked = (this.state && this.state.picked) || '';
      return h('div', { className: classNameWrapper },
        value ? h('p', { 'data-document-link': '' }, h('code', null, value)) : null,
        picked ? h('p', null, `Berkas dipilih: ${picked}. Tersimpan bersama berita saat diterbitkan.`) : null,
        h('input', { type: 'file', id: forID, accept: documents.accept, [DOCUMENT_INPUT]: '', onChange: (event) => this.pick(event) }));
    },
  });
}
