// An editor works for one office: /admin/ opens the office collection they
// used last (site.collections.offices, from the build), newest article first,
// instead of Decap's first collection. Remembered in this browser only; no
// account name is involved. A first visit opens the pages (light), from which
// the editor picks their office once (or bookmarks #/collections/<name>).

const STORAGE_KEY = 'media-center:kantor-terakhir';
const COLLECTION_ROUTE = /^#\/collections\/([^/?#]+)/;

/** The office collection a Decap address (its hash) is in, or null. */
export function officeInRoute(hash, offices) {
  const match = COLLECTION_ROUTE.exec(hash || '');
  if (!match) return null;
  let name;
  try {
    name = decodeURIComponent(match[1]);
  } catch {
    return null; // a broken escape (%E0%A4%A) names no collection
  }
  return offices.includes(name) ? name : null;
}

function opensDefault(hash) {
  return !hash || hash === '#' || hash === '#/';
}

/** The hash /admin/ should open: the remembered office's list when the address names no page of its own. */
export function startingRoute(hash, remembered, offices) {
  return opensDefault(hash) && remembered && offices.includes(remembered) ? `#/collections/${encodeURIComponent(remembered)}` : null;
}

function readMemory(storage) {
  try {
    return storage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage refused (private window): Decap's own start
  }
}

/** Remember the office collection open when the editor leaves the page or puts it away (Decap's router changes
 * the address with pushState, which fires no event of its own). */
export function rememberOffice(site, storage = window.localStorage, where = window.location, events = window) {
  const remember = () => {
    const office = officeInRoute(where.hash, site.collections.offices);
    if (!office) return;
    try {
      storage.setItem(STORAGE_KEY, office);
    } catch {
      // not remembered: the next visit starts as Decap does
    }
  };
  events.addEventListener('pagehide', remember);
  events.addEventListener('visibilitychange', remember);
}

/** After CMS.init: Decap's router reads the address when it mounts and sends /admin/ to the first collection
 * (after sign-in, if it asks); once it has, open the remembered office instead. An address that named a page
 * of its own is left alone, and so is any page the editor reached first. */
export function openRememberedOffice(site, firstCollection, storage = window.localStorage, where = window.location) {
  const route = startingRoute(where.hash, readMemory(storage), site.collections.offices);
  if (!route) return;
  const decapStart = `#/collections/${encodeURIComponent(firstCollection)}`;
  const timer = setInterval(() => {
    if (opensDefault(where.hash)) return; // still starting or signing in
    clearInterval(timer); // Decap has gone somewhere: once only
    if (where.hash === decapStart) where.hash = route;
  }, 100);
}
