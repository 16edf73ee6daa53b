/**
 * Serves the built web apps from the same server: the staff console (Vite output in dist/web, at /) and the
 * citizen portal (dist/portal, at /dich-vu-cong/). Hashed assets are cached for a year; every other non-API
 * path gets the app shell (client-side routing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../dist');
const REPO = path.resolve(DIST, '..');

export interface WebApp {
  name: string;
  /** Sources whose change requires a rebuild. */
  src: string;
  config: string;
  root: string;
  prefix: string;
}

export const WEB_APPS: WebApp[] = [
  { name: 'staff console', src: path.join(REPO, 'src/web'), config: path.join(REPO, 'vite.config.ts'), root: path.join(DIST, 'web'), prefix: '/' },
  { name: 'citizen portal', src: path.join(REPO, 'src/portal'), config: path.join(REPO, 'vite.portal.config.ts'), root: path.join(DIST, 'portal'), prefix: '/dich-vu-cong/' },
];

/** Kept for callers that only know the staff console. */
export const WEB_ROOT = WEB_APPS[0]!.root;

const built = (a: WebApp) => fs.existsSync(path.join(a.root, 'index.html'));
export function webBuilt(): boolean {
  return built(WEB_APPS[0]!);
}

function newest(dir: string): number {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Builds each web app with Vite when it is missing or older than its sources (npm start on a fresh clone). */
export async function ensureWebBuilt(log: (s: string) => void = console.log): Promise<void> {
  const core = newest(path.join(REPO, 'src/core'));
  for (const a of WEB_APPS) {
    if (!fs.existsSync(a.src) || !fs.existsSync(a.config)) continue;
    const at = built(a) ? fs.statSync(path.join(a.root, 'index.html')).mtimeMs : 0;
    if (at > Math.max(newest(a.src), core, fs.statSync(a.config).mtimeMs)) continue;
    log(`Building the ${a.name} (Vite)…`);
    const { build } = await import('vite');
    // Vite sets NODE_ENV=production for the build; the server's own mode must not change with it.
    const nodeEnv = process.env.NODE_ENV;
    try {
      await build({ configFile: a.config, logLevel: 'warn' });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  }
}

export async function registerWeb(app: FastifyInstance): Promise<void> {
  const apps = WEB_APPS.filter(built);
  if (!apps.some((a) => a.prefix === '/')) {
    app.get('/', async (_req, reply) => reply.type('text/plain; charset=utf-8').send('motcua API is running. The web app is not built: run `npm run build` (npm start does it).'));
  }
  // Longest prefix first, so /dich-vu-cong/… is not taken by the staff console's fallback.
  for (const [i, a] of [...apps].sort((x, y) => y.prefix.length - x.prefix.length).entries()) {
    await app.register(fastifyStatic, {
      root: a.root,
      prefix: a.prefix,
      wildcard: false,
      index: ['index.html'],
      decorateReply: i === 0,
      setHeaders: (res, p) => {
        if (p.includes(`${path.sep}assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        else res.setHeader('cache-control', 'no-cache');
      },
    });
  }
  const shells = new Map(apps.map((a) => [a.prefix, fs.readFileSync(path.join(a.root, 'index.html'))]));
  const shellFor = (url: string) => {
    for (const a of [...apps].sort((x, y) => y.prefix.length - x.prefix.length)) if (url.startsWith(a.prefix) || url === a.prefix.replace(/\/$/, '')) return shells.get(a.prefix);
    return undefined;
  };
  // Client-side routes: any GET that is not an API call or a file gets its app's shell.
  app.get('/*', async (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    const shell = shellFor(req.url);
    if (!shell) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(shell);
  });
}
