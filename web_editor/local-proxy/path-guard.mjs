// What the local proxy may touch: only the web editor's own folders
// (content/articles, content/pages, content/images, from the editor's
// configuration), so even the real editor page cannot read or write
// pelicanconf.py or anything else in the repository. decap-server itself
// only keeps paths inside the repository.
import { lstat, readdir, realpath } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';

export const REFUSED_ACTION = 'Ditolak: permintaan ini tidak dikenal editor lokal.';

export const REFUSED_FOLDER_MOVE =
  'Ditolak: memindahkan berita hanya boleh memindahkan berkasnya sendiri, bukan isi seluruh foldernya.';

export function refusedPath(folders) {
  return `Ditolak: editor lokal hanya membaca dan menulis di ${Object.keys(folders).join(', ')}.`;
}

export function refusedName(folder, suffixes) {
  return `Ditolak: di ${folder} editor lokal hanya membaca dan menulis berkas ${suffixes.join(', ')}.`;
}

/** A list parameter: absent is empty; anything but an array is one bad item. */
function items(value) {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [null];
}

function field(object, name) {
  return object && typeof object === 'object' ? object[name] : null;
}

const file = (path) => ({ path, folder: false });
const folder = (path) => ({ path, folder: true });

function dataFiles(params) {
  const files = [field(params, 'entry'), ...items(field(params, 'dataFiles'))].filter((found) => found !== undefined);
  return files.flatMap((found) => [field(found, 'path'), ...(field(found, 'newPath') === undefined ? [] : [field(found, 'newPath')])]);
}

// The files and folders each action of decap-server's file-system mode reads
// or writes (see its middlewares/localFs); actions not listed are refused.
const ACTION_PATHS = {
  info: () => [],
  getDeployPreview: () => [],
  entriesByFolder: (params) => [folder(field(params, 'folder'))],
  entriesByFiles: (params) => items(field(params, 'files')).map((found) => file(field(found, 'path'))),
  getEntry: (params) => [file(field(params, 'path'))],
  persistEntry: (params) => [
    ...dataFiles(params).map(file),
    ...items(field(params, 'assets')).map((asset) => file(field(asset, 'path'))),
  ],
  getMedia: (params) => [folder(field(params, 'mediaFolder'))],
  getMediaFile: (params) => [file(field(params, 'path'))],
  persistMedia: (params) => [file(field(field(params, 'asset'), 'path'))],
  deleteFile: (params) => [file(field(params, 'path'))],
  deleteFiles: (params) => items(field(params, 'paths')).map(file),
};

/** The files and folders ({path, folder}) a request body names, or null for an action we do not serve. */
export function actionPaths(body) {
  const action = field(body, 'action');
  if (typeof action !== 'string' || !Object.hasOwn(ACTION_PATHS, action)) return null;
  return ACTION_PATHS[action](field(body, 'params'));
}

/**
 * The folder of `folders` (folder -> file suffixes) a repository path lies in, or null. The path must be
 * written plainly (no "..", ".", "//", "\\"); a file lies below its folder, a folder may be the folder itself.
 */
export function folderOf(path, folders, isFolder = false) {
  if (typeof path !== 'string') return null;
  const parts = path.split('/');
  // No hidden file or folder either (".thumbnails/", ".env", "..." ): the build and the checks read none.
  if (parts.some((part) => part === '' || part.startsWith('.') || part.includes('\\') || part.includes('\0'))) return null;
  return Object.keys(folders).find((found) => (isFolder && path === found) || path.startsWith(`${found}/`)) || null;
}

/** Whether a file's name ends with one of the endings its folder allows (compared exactly: ".MD" is no article). */
export function nameAllowed(path, suffixes) {
  return suffixes.some((suffix) => path.endsWith(suffix));
}

/** Where a path leads on disk: its deepest existing ancestor with links resolved, then the rest. */
async function realTarget(path) {
  const missing = [];
  let existing = path;
  for (;;) {
    try {
      await lstat(existing);
      return join(await realpath(existing), ...missing);
    } catch (error) {
      if (error.code !== 'ENOENT' || dirname(existing) === existing) throw error;
      missing.unshift(basename(existing));
      existing = dirname(existing);
    }
  }
}

/** Whether `path` lies in one of `folders` of `repository`, also after following symbolic links. */
export async function insideFolders(repository, path, folders, isFolder = false) {
  const found = folderOf(path, folders, isFolder);
  if (!found) return false;
  try {
    const root = await realTarget(join(repository, found));
    const target = await realTarget(join(repository, path));
    return (isFolder && target === root) || target.startsWith(root + sep);
  } catch {
    return false; // unreadable, or a file where a folder should be
  }
}

/**
 * Whether a save moves whole folders: decap-server (and Decap's GitHub backend) move every file
 * of the old folder with an entry whose path changes unless `hasSubfolders` is false, so a date
 * moved to another year would carry that year's other articles along. The editor sends false.
 */
export function movesFolders(body) {
  if (field(body, 'action') !== 'persistEntry') return false;
  const params = field(body, 'params');
  const moves = [field(params, 'entry'), ...items(field(params, 'dataFiles'))]
    .some((found) => found && field(found, 'newPath') !== undefined);
  return moves && field(field(params, 'options'), 'hasSubfolders') !== false;
}

/** The files decap-server reads for getMedia: every entry of the folder (it follows links inside the repository). */
async function mediaFiles(repository, body) {
  if (field(body, 'action') !== 'getMedia') return [];
  const mediaFolder = field(field(body, 'params'), 'mediaFolder');
  try {
    return (await readdir(join(repository, mediaFolder))).map((name) => `${mediaFolder}/${name}`);
  } catch {
    return [];
  }
}

/** Why a request body may not reach decap-server, or null. */
export async function bodyRefusal(body, repository, folders) {
  const paths = actionPaths(body);
  if (paths === null) return REFUSED_ACTION;
  for (const { path, folder: isFolder } of paths) {
    if (!(await insideFolders(repository, path, folders, isFolder))) return refusedPath(folders);
    const found = folderOf(path, folders, isFolder);
    if (!isFolder && !nameAllowed(path, folders[found])) return refusedName(found, folders[found]);
  }
  for (const path of await mediaFiles(repository, body)) {
    if (!(await insideFolders(repository, path, folders))) return refusedPath(folders);
  }
  return movesFolders(body) ? REFUSED_FOLDER_MOVE : null;
}
