import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The citizen portal (src/portal): a separate, light bundle for phones (budget: < 200 kB gzipped JS),
// built into dist/portal and served by the API server under /dich-vu-cong/ (src/server/platform/http/web.ts).
export default defineConfig({
  root: 'src/portal',
  base: '/dich-vu-cong/',
  plugins: [react()],
  build: {
    outDir: '../../dist/portal',
    emptyOutDir: true,
  },
  server: {
    port: 5174,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
