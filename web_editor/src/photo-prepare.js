// Every photo the editor uploads is prepared in the browser first, to the
// repository's photo standard (issue #18), the way plugins/photos/preparing.py
// prepares one: decoded upright (the EXIF orientation applied) in sRGB,
// scaled so its long edge is at most the standard's, drawn on a canvas and
// encoded as JPEG, or as PNG when some pixel is transparent. A file over the
// byte limit is encoded again at lower qualities, then smaller, until it
// fits. Only the picture's own JPEG segments or PNG chunks are kept, so no
// EXIF, GPS, XMP, IPTC, colour profile or comment reaches the repository.
// The rules come from the configuration's `site.photo` section
// (plugins/web_editor/contract.py).
//
// Where: Decap uploads only through the media library's file input (the
// photo field's "Pilih foto" and the body's image button both open it; the
// body takes no dropped or pasted file). Decap has no hook before an upload
// names and stores the file, so a capture-phase `change` listener on the
// window sees the input's files before Decap's React handler (React listens
// on its root, inside the window), stops that event, prepares the files and
// puts the prepared ones into `input.files` (DataTransfer) before sending a
// new `change` event on to Decap. Decap then names the upload after the
// prepared file (its stem + .jpg, in lower case as Decap writes names) and
// the article refers to that name. A photo the browser cannot decode (HEIC
// outside Safari) is refused with an alert saying what to do; nothing is
// uploaded. Every photo is encoded again, also one that met the standard.

import { DOCUMENT_INPUT } from './documents.js';

const UNREADABLE = (name) =>
  `Foto "${name}" tidak bisa dibaca oleh peramban ini, jadi tidak diunggah. ` +
  'Simpan ulang foto itu sebagai JPEG lalu unggah lagi. Di iPhone: Pengaturan > Kamera > Format > ' +
  'Paling Kompatibel (foto yang diunggah dari iPhone lewat Safari sudah otomatis menjadi JPEG).';
const NOT_ENCODED = (name) =>
  `Foto "${name}" tidak bisa disiapkan oleh peramban ini, jadi tidak diunggah. ` +
  'Coba lagi dengan peramban lain (Chrome, Firefox atau Safari terbaru), atau perkecil fotonya dulu.';
const PREPARING = 'Menyiapkan foto…';

const JPEG_SOS = 0xda;
const JPEG_APP0 = 0xe0;
const JFIF = [0x4a, 0x46, 0x49, 0x46, 0x00];
const PNG_SIGNATURE_BYTES = 8;

export class PhotoRefused extends Error {}

// Python's round(): halves go to the even neighbour (photos.preparing.fitted_size uses it).
function roundHalfEven(value) {
  const nearest = Math.round(value);
  return Math.abs(value % 1) === 0.5 && nearest % 2 !== 0 ? nearest - 1 : nearest;
}

// The size with the long edge at most `maxEdge`, proportions kept (photos.preparing.fitted_size).
export function fittedSize(width, height, maxEdge) {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return [Math.max(1, roundHalfEven(width * scale)), Math.max(1, roundHalfEven(height * scale))];
}

// The JPEG qualities to try, highest first, counted in hundredths as preparing.py counts them.
export function qualitySteps(rules) {
  const hundredths = (fraction) => Math.round(fraction * 100);
  const steps = [];
  for (let quality = hundredths(rules.quality); quality >= hundredths(rules.lowest_quality); quality -= hundredths(rules.quality_step)) {
    steps.push(quality / 100);
  }
  return steps;
}

// The file name with its last suffix replaced: IMG_1234.HEIC -> IMG_1234.jpg.
export function preparedName(name, suffix) {
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name) + suffix;
}

// A JPEG without the segments that are no part of the picture (only the plain JFIF header among them,
// `jfifLength` long: a longer one carries a thumbnail, a second picture).
export function jpegPicture(bytes, keptMarkers, jfifLength) {
  const parts = [bytes.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw new Error('JPEG tidak dikenal');
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === JPEG_SOS) {
      parts.push(bytes.subarray(at));
      break;
    }
    const end = at + 2 + ((bytes[at + 2] << 8) | bytes[at + 3]);
    const segment = bytes.subarray(at, end);
    const jfif = marker === JPEG_APP0 && segment.length === 2 + jfifLength && JFIF.every((byte, index) => segment[4 + index] === byte);
    if (keptMarkers.has(marker) || jfif) parts.push(segment);
    at = end;
  }
  return parts;
}

// A PNG with only the chunks of the picture.
export function pngPicture(bytes, keptChunks) {
  const parts = [bytes.subarray(0, PNG_SIGNATURE_BYTES)];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = PNG_SIGNATURE_BYTES;
  while (at + 8 <= bytes.length) {
    const end = at + 12 + view.getUint32(at);
    const kind = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (keptChunks.has(kind)) parts.push(bytes.subarray(at, end));
    at = end;
    if (kind === 'IEND') break;
  }
  return parts;
}

function drawn(bitmap, width, height) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  return canvas;
}

// Frees a canvas's pixels at once (Safari on phones allows little canvas memory in all).
function release(canvas) {
  if (canvas) {
    canvas.width = 0;
    canvas.height = 0;
  }
}

function hasTransparency(canvas) {
  const pixels = canvas.getContext('2d', { willReadFrequently: true }).getImageData(0, 0, canvas.width, canvas.height).data;
  for (let alpha = 3; alpha < pixels.length; alpha += 4) {
    if (pixels[alpha] !== 255) return true;
  }
  return false;
}

async function encoded(canvas, kind, quality, rules) {
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, kind.type, quality));
  if (!blob || blob.type !== kind.type) return null;
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const parts = kind === rules.opaque
    ? jpegPicture(bytes, new Set(rules.jpeg_markers), rules.jfif_length)
    : pngPicture(bytes, new Set(rules.png_chunks));
  return new Blob(parts, { type: kind.type });
}

// `file` as a File that meets the standard; throws PhotoRefused with the message for the editor.
export async function preparePhoto(file, rules) {
  let bitmap;
  let canvas;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoRefused(UNREADABLE(file.name));
  }
  try {
    const [width, height] = fittedSize(bitmap.width, bitmap.height, rules.max_edge);
    canvas = drawn(bitmap, width, height);
    const kind = hasTransparency(canvas) ? rules.transparent : rules.opaque;
    const qualities = kind === rules.opaque ? qualitySteps(rules) : [undefined];
    // As preparing.py: lower qualities first, then a long edge shrunk by shrink_step, until it fits.
    for (let edge = Math.max(width, height); ; edge = Math.max(1, Math.floor(edge * rules.shrink_step))) {
      const [w, h] = fittedSize(width, height, edge);
      if (w !== canvas.width || h !== canvas.height) {
        release(canvas);
        canvas = drawn(bitmap, w, h);
      }
      for (const quality of qualities) {
        const blob = await encoded(canvas, kind, quality, rules);
        if (!blob) throw new PhotoRefused(NOT_ENCODED(file.name));
        if (blob.size <= rules.max_bytes) {
          return new File([blob], preparedName(file.name, kind.suffix), { type: kind.type, lastModified: file.lastModified });
        }
      }
      if (edge === 1) throw new PhotoRefused(NOT_ENCODED(file.name));
    }
  } finally {
    bitmap.close();
    release(canvas);
  }
}

// Our document control's input (documents.js) checks its own files: no photo there.
function isFileInput(target) {
  return target instanceof HTMLInputElement && target.type === 'file' && !target.hasAttribute(DOCUMENT_INPUT);
}

function showPreparing(doc) {
  const notice = doc.createElement('div');
  notice.setAttribute('role', 'status');
  notice.textContent = PREPARING;
  notice.style.cssText = 'position:fixed;top:1rem;left:50%;transform:translateX(-50%);z-index:100000;'
    + 'background:#1f2937;color:#fff;padding:.6rem 1.2rem;border-radius:.4rem;font:600 1rem/1.4 sans-serif';
  doc.body.append(notice);
  return notice;
}

// Prepares every photo picked in any file input of the page before Decap sees it (see the top).
export function prepareUploads(site, win = window) {
  const rules = site.photo;
  const forwarded = new WeakSet();
  // The picker offers photos only (any image type, and photo names such as .heic the system may not call images).
  win.addEventListener('click', (event) => {
    if (isFileInput(event.target)) event.target.accept = rules.accept;
  }, true);
  win.addEventListener('change', async (event) => {
    const input = event.target;
    if (!isFileInput(input) || forwarded.has(event) || !input.files || input.files.length === 0) return;
    event.stopImmediatePropagation();
    const notice = showPreparing(win.document);
    const prepared = [];
    for (const file of [...input.files]) {
      try {
        prepared.push(await preparePhoto(file, rules));
      } catch (error) {
        input.value = '';  // nothing is uploaded, and the same file can be picked again
        notice.remove();
        win.alert(error instanceof PhotoRefused ? error.message : NOT_ENCODED(file.name));
        return;
      }
    }
    notice.remove();
    const files = new win.DataTransfer();
    prepared.forEach((file) => files.items.add(file));
    input.files = files.files;
    const onward = new win.Event('change', { bubbles: true });
    forwarded.add(onward);
    input.dispatchEvent(onward);
  }, true);
}
