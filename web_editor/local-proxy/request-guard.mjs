// Who may talk to the local proxy: only the editor page of this machine.
//
// A DNS-rebinding page (rebind.example resolving to 127.0.0.1) reaches the
// proxy with its own name in Host, and any other site sends its own Origin;
// decap-server checks neither. Host must be exactly localhost:PORT or
// 127.0.0.1:PORT (the proxy's own port), written once; Origin, when sent,
// must be one of the preview's origins.

export const REFUSED_REQUEST = 'Ditolak: editor lokal hanya melayani halaman editor di komputer ini.';

/** Every value of a header as received (Node would keep only the first Host of several). */
function headerValues(rawHeaders, name) {
  const values = [];
  for (let index = 0; index < rawHeaders.length; index += 2) {
    if (rawHeaders[index].toLowerCase() === name) values.push(rawHeaders[index + 1]);
  }
  return values;
}

/** Why a request may not reach decap-server, or null. `rules`: {port, origins}. */
export function requestRefusal(request, { port, origins }) {
  const hosts = headerValues(request.rawHeaders, 'host');
  if (hosts.length !== 1 || ![`localhost:${port}`, `127.0.0.1:${port}`].includes(hosts[0])) return REFUSED_REQUEST;
  const sent = headerValues(request.rawHeaders, 'origin');
  if (sent.length > 1 || (sent.length === 1 && !origins.includes(sent[0]))) return REFUSED_REQUEST;
  return null;
}
