import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const WEB = path.resolve(import.meta.dirname, 'src/web');

/**
 * The service worker (src/web/sw.ts) is built as its own entry at /sw.js (no hash: browsers look for it at a stable
 * address; the server sends it with no-cache). Its precache list — the shell and every chunk the inspection visit
 * route loads, statically or through its lazy imports — is written into it here, so a new build installs anew.
 */
function serviceWorker(): Plugin {
  return {
    name: 'motcua-sw',
    apply: 'build',
    generateBundle(_o, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const want = new Set<string>();
      const visit = (file: string, dynamic: boolean) => {
        if (want.has(file)) return;
        const c = byFile.get(file);
        if (!c) return;
        want.add(file);
        for (const css of c.viteMetadata?.importedCss ?? []) want.add(css);
        for (const i of c.imports) visit(i, dynamic);
        if (dynamic) for (const i of c.dynamicImports) if (/inspections|VisitPage/.test(byFile.get(i)?.facadeModuleId ?? '')) visit(i, true);
      };
      const entry = chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith('main.tsx'));
      if (entry) visit(entry.fileName, false);
      for (const c of chunks) if (/pages\/reform\/inspections\//.test(c.facadeModuleId ?? '')) visit(c.fileName, true);
      const list = ['/', ...[...want].map((f) => `/${f}`)];
      const swChunk = chunks.find((c) => c.fileName === 'sw.js');
      if (swChunk) swChunk.code = `const __PRECACHE__ = ${JSON.stringify(list)};\n${swChunk.code}`;
    },
  };
}

// The staff console (src/web) is built into dist/web and served by the API server (src/server/platform/http/web.ts).
export default defineConfig({
  root: 'src/web',
  plugins: [react(), serviceWorker()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    manifest: true,
    rollupOptions: {
      input: { main: path.join(WEB, 'index.html'), sw: path.join(WEB, 'sw.ts') },
      output: { entryFileNames: (c) => (c.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js') },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
