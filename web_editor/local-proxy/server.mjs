// The web editor's local proxy: decap-server's file-system API behind our
// guard. Started by editorial/local_proxy.py with its settings as one JSON
// argument: {repository, port, origins, folders}.
//
// decap-server's own entry point (dist/index.js) reads a .env file from its
// working folder (dotenv), takes ORIGIN, PORT and the repository from the
// environment, and answers any Host and Origin. We never run it: this
// program loads only its middlewares (dist/middlewares.js: CORS, JSON body,
// the file-system API) into an Express app whose first middlewares are our
// checks, and listens on 127.0.0.1 only. That one socket is the only way to
// decap-server's API, and every request on it passes the checks first.
import { createRequire } from 'node:module';

import { bodyRefusal } from './path-guard.mjs';
import { requestRefusal } from './request-guard.mjs';

const require = createRequire(import.meta.url);
const express = require('express');
const { registerLocalFs } = require('decap-server/dist/middlewares.js');

const READY = 'Proksi editor lokal siap'; // editorial/local_proxy.py waits for this line

const settings = JSON.parse(process.argv[2]);
// What decap-server's middlewares read from the environment: the repository,
// and an ORIGIN that would widen its CORS answer (our checks come first anyway).
process.env.GIT_REPO_DIRECTORY = settings.repository;
delete process.env.ORIGIN;

function refuse(response, message) {
  response.status(403).json({ error: message });
}

const app = express();
app.disable('x-powered-by');
app.use((request, response, next) => {
  const refusal = requestRefusal(request, settings);
  if (refusal) refuse(response, refusal);
  else next();
});
app.use(express.json({ limit: '50mb' }));
app.use(async (request, response, next) => {
  if (request.method !== 'POST') return next(); // CORS preflight; decap-server answers POST only
  const refusal = await bodyRefusal(request.body, settings.repository, settings.folders);
  if (refusal) refuse(response, refusal);
  else next();
});
await registerLocalFs(app, { logLevel: 'warn' });
app.use((error, request, response, next) => { // eslint-disable-line no-unused-vars
  response.status(400).json({ error: 'Permintaan tidak dapat dibaca.' });
});

const server = app.listen(settings.port, '127.0.0.1', () => {
  console.log(`${READY} di http://127.0.0.1:${settings.port}/api/v1 untuk ${settings.repository}`);
});
server.on('error', (error) => {
  const reason = error.code === 'EADDRINUSE' ? `port ${settings.port} sudah dipakai program lain` : error.message;
  console.error(`Proksi editor lokal gagal berjalan: ${reason}.`);
  process.exit(1);
});
