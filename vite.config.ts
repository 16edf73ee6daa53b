import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The staff console (src/web) is built into dist/web and served by the API server (src/server/platform/http/web.ts).
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
