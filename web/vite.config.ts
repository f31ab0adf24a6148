import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `npm run dev -w server` listens; the dev server forwards the API to it. */
const API_ORIGIN = 'http://127.0.0.1:3000';

/**
 * `@escalation-insights/shared` resolves through its workspace link to the package's
 * built `dist/` (run `tsc -b shared` first, as `npm run build` does), exactly as the
 * server imports it, so the web never sees a different shared than the one that ships.
 */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { target: API_ORIGIN, changeOrigin: true },
      '/health': { target: API_ORIGIN, changeOrigin: true },
      '/exports': { target: API_ORIGIN, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
});
