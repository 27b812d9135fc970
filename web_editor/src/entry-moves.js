// When an entry's file path changes (its Date moved to another year, its
// Slug changed), Decap tells the backend `hasSubfolders: true` for every
// collection without a `nested` setting, and both decap-server and the
// GitHub backend then move every file of the old folder along with it: a
// whole year of other offices' articles. Our collections keep one entry
// per file, so every save moves only its own file.
export function moveOnlyTheEntry(CMS, backendName) {
  const registered = CMS.getBackend(backendName);
  if (!registered) throw new Error(`Backend ${backendName} tidak terdaftar di Decap CMS.`);
  const init = registered.init;
  registered.init = (...args) => {
    const backend = init(...args);
    const persist = backend.persistEntry.bind(backend);
    backend.persistEntry = (entry, options = {}) => persist(entry, { ...options, hasSubfolders: false });
    return backend;
  };
}
