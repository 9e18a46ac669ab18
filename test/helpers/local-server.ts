import http from 'node:http';
import zlib from 'node:zlib';
import { listenOnLoopback } from '../../scripts/lib/listen-on-loopback.js';

export interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Compress the body with gzip and say so in Content-Encoding. */
  gzip?: boolean;
  /** Never answer (for timeouts). */
  hang?: boolean;
  /** Stream this many bytes without a Content-Length (for size caps). */
  streamBytes?: number;
}

/** A real HTTP server on 127.0.0.1 serving fixed routes; `/redirect/N` redirects N times to `/`. */
export async function startLocalServer(
  routes: Record<string, Route>,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    const hops = /^\/redirect\/(\d+)$/.exec(path);
    if (hops) {
      const left = Number(hops[1]);
      response.writeHead(302, { location: left > 1 ? `/redirect/${left - 1}` : '/' }).end();
      return;
    }
    const route = routes[path];
    if (!route) return void response.writeHead(404).end('not found');
    if (route.hang) return;
    if (route.streamBytes) {
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const push = () => {
        while (sent < route.streamBytes!) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', push);
        }
        response.end();
      };
      push();
      response.on('error', () => undefined);
      return;
    }
    let body = typeof route.body === 'string' ? Buffer.from(route.body) : Buffer.from(route.body ?? '');
    const headers = { ...route.headers };
    if (route.gzip) {
      body = zlib.gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    response.writeHead(route.status ?? 200, headers).end(body);
  });
  return listenOnLoopback(server);
}
