/**
 * The web app (apps/web, built into apps/web/dist) at `/`: hashed assets under /assets/ cached
 * for a year (their names change when they do), each page path of the app answered with
 * index.html (not cached, so a new build is seen at once), the "what fits" widget page at
 * /widget/{bagId} (framable by any retailer) and its one-tag embed at /widget.js (cached an hour:
 * its URL is fixed). When the app has not been built the pages say how to build it, and the API
 * works as before. Registered before the rate limiter: static files are cheap and a page load
 * fetches several at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { App } from '../types.js';

/** apps/web/dist, from apps/server/src/routes (tests) and apps/server/dist/routes (built) alike. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** The app's page paths (apps/web/src/app.tsx keeps the same list; the browser tests open each). */
export const PAGE_PATHS = ['/', '/kit', '/fit', '/bags', '/bags/:id', '/stack', '/design', '/style', '/trends'] as const;

const NOT_BUILT = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>micropurse</title></head><body><main><h1>The web app is not built</h1><p>Run <code>npm run build</code> (or <code>npm run build:web</code>) and reload. The API is at <a href="/docs">/docs</a>.</p></main></body></html>';

export function webRoutes(app: App, dist: string = WEB_DIST): void {
  const built = existsSync(`${dist}index.html`);
  // Read once: the files only change with a new build, which means a new process.
  const page = built ? readFileSync(`${dist}index.html`, 'utf8') : NOT_BUILT;
  const widget = built && existsSync(`${dist}widget.html`) ? readFileSync(`${dist}widget.html`, 'utf8') : NOT_BUILT;
  const html = (reply: FastifyReply, body: string) =>
    reply.code(built ? 200 : 503).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff').send(body);

  for (const path of PAGE_PATHS) app.get(path, { schema: { hide: true } }, async (_request, reply) => html(reply, page));
  app.get('/widget/:bagId', { schema: { hide: true } }, async (_request, reply) => html(reply, widget));
  if (!built) return;

  app.register(fastifyStatic, {
    root: `${dist}assets`,
    prefix: '/assets/',
    maxAge: '365d',
    immutable: true,
    index: false,
    wildcard: true,
    schemaHide: true,
  });
  const embed = readFileSync(`${dist}widget.js`);
  app.get('/widget.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').header('access-control-allow-origin', '*').send(embed),
  );
}
