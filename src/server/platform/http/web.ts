/**
 * Serves the built web app (Vite output in dist/web) from the same server: static assets with long-lived
 * caching for hashed files, and index.html for every other non-API path (client-side routing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../dist/web');

export function webBuilt(): boolean {
  return fs.existsSync(path.join(WEB_ROOT, 'index.html'));
}

/** Builds the web app with Vite when it is missing or older than its sources (npm start on a fresh clone). */
export async function ensureWebBuilt(log: (s: string) => void = console.log): Promise<void> {
  const srcRoot = path.resolve(WEB_ROOT, '../../src');
  const newest = (dir: string): number => {
    let t = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }
    return t;
  };
  const webSrc = path.join(srcRoot, 'web');
  if (!fs.existsSync(webSrc)) return;
  const built = webBuilt() ? fs.statSync(path.join(WEB_ROOT, 'index.html')).mtimeMs : 0;
  if (built > Math.max(newest(webSrc), newest(path.join(srcRoot, 'core')))) return;
  log('Building the web app (Vite)…');
  const { build } = await import('vite');
  await build({ configFile: path.resolve(srcRoot, '../vite.config.ts'), logLevel: 'warn' });
}

export async function registerWeb(app: FastifyInstance): Promise<void> {
  if (!webBuilt()) {
    app.get('/', async (_req, reply) => reply.type('text/plain; charset=utf-8').send('motcua API is running. The web app is not built: run `npx vite build` (npm start does it).'));
    return;
  }
  await app.register(fastifyStatic, {
    root: WEB_ROOT,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    setHeaders: (res, p) => {
      if (p.includes(`${path.sep}assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      else res.setHeader('cache-control', 'no-cache');
    },
  });
  // Client-side routes: any GET that is not an API call or a file gets the app shell.
  app.get('/*', async (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
