// Serves the built dashboard (web/dist, made by `npm run build:web`): `/` and the HTML entries with
// `no-cache`, the content-hashed files under `/assets/` as immutable for a year. Only files inside the
// root are ever read: paths are decoded once, `..`, NUL bytes and dot-files are refused, and the
// resolved path must stay under the root.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * What the pages may load: only this origin (plus data:/blob: images and workers the editors make).
 * It is the browser-side guarantee that the dashboard and GraphiQL make no request off the server.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that a URL path names, or null when the path is not a safe relative path
 * (bad escapes, NUL, `..`, dot-files, backslashes) or would resolve outside `root`.
 */
export function resolveUnder(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s.startsWith('.'))) return null;
  const base = resolve(root);
  const full = resolve(base, ...segments);
  return full.startsWith(base + sep) ? full : null;
}

function securityHeaders(contentType: string): Record<string, string> {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  if (contentType.startsWith('text/html')) {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['x-frame-options'] = 'DENY';
  }
  return headers;
}

async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  cacheControl: string,
): Promise<boolean> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return false;
  }
  if (!info.isFile()) return false;
  const contentType = contentTypeOf(path);
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    'content-type': contentType,
    'cache-control': cacheControl,
    etag,
    'last-modified': info.mtime.toUTCString(),
    ...securityHeaders(contentType),
  };
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers);
    response.end();
    return true;
  }
  response.writeHead(200, { ...headers, 'content-length': String(info.size) });
  if (request.method === 'HEAD') {
    response.end();
    return true;
  }
  await new Promise<void>((done, fail) => {
    const stream = createReadStream(path);
    stream.on('error', fail);
    response.on('close', () => {
      stream.destroy();
      done();
    });
    stream.pipe(response).on('finish', () => done());
  });
  return true;
}

function notBuilt(response: ServerResponse, what: string): void {
  response.writeHead(503, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    ...securityHeaders('text/html'),
  });
  response.end(
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Tiersight</title>` +
      `<p>The ${what} is not built. Run <code>npm run build:web</code> (or <code>npm start</code>, ` +
      `which builds it) and reload.</p></html>`,
  );
}

/** Sends one HTML entry of the built app (e.g. `graphiql.html`), or a 503 page saying how to build it. */
export async function serveEntry(
  request: IncomingMessage,
  response: ServerResponse,
  root: string | null,
  file: string,
  what: string,
): Promise<void> {
  const path = root === null ? null : resolveUnder(root, file);
  if (path === null || !(await sendFile(request, response, path, REVALIDATE))) notBuilt(response, what);
}

/**
 * Answers GET/HEAD for `/`, `/index.html`, `/assets/*` and other top-level files of the build.
 * Returns false when the request is not for the dashboard (the caller then answers 404).
 */
export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  root: string | null,
): Promise<boolean> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (url.pathname === '/' || url.pathname === '/index.html') {
    await serveEntry(request, response, root, 'index.html', 'dashboard');
    return true;
  }
  if (root === null) return false;
  const path = resolveUnder(root, url.pathname);
  if (path === null) return false;
  const immutable = url.pathname.startsWith('/assets/');
  return sendFile(request, response, path, immutable ? IMMUTABLE : REVALIDATE);
}

/** True when a GET to /graphql comes from a browser page load (HTML preferred) rather than a client. */
export function prefersHtml(request: IncomingMessage, url: URL): boolean {
  if (request.method !== 'GET' || url.searchParams.has('query')) return false;
  const accept = request.headers.accept ?? '';
  const html = accept.indexOf('text/html');
  if (html < 0) return false;
  const json = accept.indexOf('application/json');
  return json < 0 || html < json;
}
