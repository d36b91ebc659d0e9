/**
 * The production server: adapter-node's own (build/index.js, with its PORT, HOST, SOCKET_PATH,
 * timeouts and graceful shutdown) plus the security headers on every response. adapter-node
 * answers the /_app/immutable files and the static folder itself, before the app's handle hook
 * runs, so the hook alone cannot reach them; a listener placed ahead of adapter-node's sets the
 * headers on each response first, and Node merges them into whatever it then writes.
 * `npm start` runs this after building; plain JavaScript, so it runs without a compile step.
 * It listens on 127.0.0.1 unless HOST names another address.
 */
import { SECURITY_HEADERS } from '../src/lib/server/security-headers.js';

// Loopback unless HOST says otherwise (adapter-node's own default is every interface), also when
// this file is run directly rather than through `npm start`.
process.env.HOST ||= '127.0.0.1';
// adapter-node starts listening while this import is evaluated; the listener below is added as
// soon as it resolves (a microtask), before any connection can be accepted.
const { server } = await import('../build/index.js');

/** @type {import('node:http').Server} */
const http = server.server;
http.prependListener('request', (_req, res) => {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
});
