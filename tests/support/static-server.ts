/**
 * A tiny static file server on 127.0.0.1 for tests and the benchmark: maps
 * URL prefixes to folders. Tests never talk to anything else.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

export interface StaticServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
  /** Extra routes a test can add (feeds, order books…). */
  route(path: string, handler: (req: IncomingMessage, res: ServerResponse) => void): void;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

export interface StaticServerOptions {
  /** Extra response headers for files served from the mounts (e.g. a CSP that blocks page scripts). */
  headers?: Record<string, string>;
}

export async function startStaticServer(
  mounts: Record<string, string>,
  options: StaticServerOptions = {},
): Promise<StaticServer> {
  const routes = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const handler = routes.get(path);
    if (handler) return handler(req, res);
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(normalize(dir)) || !existsSync(file) || !statSync(file).isFile()) break;
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...options.headers });
      createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    route: (path, handler) => routes.set(path, handler),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
