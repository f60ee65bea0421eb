/**
 * A static server on 127.0.0.1 for the fixture pages (or any folder, or pages made on request): what
 * the e2e tests, the demo and the bench open in the browser.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { FIXTURES_DIR } from './paths';

export interface FixtureServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** The URL of a page under the served folder: `url('review.html')`. */
  url(name: string): string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts `server` on 127.0.0.1 at a free port (tests and the bench never listen beyond loopback).
 * `url('review.html')` gives a page's address; `close()` also drops kept-alive connections, so a
 * browser that still holds one cannot keep the test run open.
 */
export async function listenOnLoopback(server: http.Server): Promise<FixtureServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (name) => `${origin}/${name.replace(/^\//, '')}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A page the server makes up on request instead of reading a file (see `FixtureServerOptions.generated`). */
export interface GeneratedPage {
  body: string;
  /** Defaults to HTML. */
  contentType?: string;
}

export interface FixtureServerOptions {
  /**
   * Extra response headers by path (`'/hostile-csp.html'`), added to that file's or generated page's
   * response (e.g. a Content-Security-Policy the page must be served with).
   */
  headers?: Record<string, Record<string, string>>;
  /**
   * Pages built on request, by path (`'/hostile-huge.html'`), from the request's URL (query string
   * included): for pages too large or too random to keep as files. A generated path wins over a file.
   */
  generated?: Record<string, (url: URL) => GeneratedPage | string>;
}

/**
 * Serves `root` (the fixture pages by default) on 127.0.0.1 at a free port. `options` (optional) adds
 * headers to given paths and serves generated pages; without it the server is a plain static one.
 */
export async function startFixtureServer(root: string = FIXTURES_DIR, options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const base = path.resolve(root);
  const server = http.createServer((request, response) => {
    const requestUrl = new URL(request.url ?? '/', 'http://localhost');
    const pathname = decodeURIComponent(requestUrl.pathname);
    if (pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const extraHeaders = options.headers?.[pathname] ?? {};
    const generate = options.generated?.[pathname];
    if (generate) {
      const made = generate(requestUrl);
      const page = typeof made === 'string' ? { body: made } : made;
      response.writeHead(200, {
        'content-type': page.contentType ?? CONTENT_TYPES['.html']!,
        'cache-control': 'no-store',
        ...extraHeaders,
      });
      response.end(page.body);
      return;
    }
    const file = path.resolve(base, '.' + (pathname.endsWith('/') ? pathname + 'index.html' : pathname));
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...extraHeaders,
    });
    fs.createReadStream(file).pipe(response);
  });
  return listenOnLoopback(server);
}
