import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

/** Backend origin used by the dev server proxy. */
const API_TARGET = 'http://localhost:3000';

/**
 * Paths under /admin that are served by the backend (e.g. the Bull Board job queue UI).
 * Every other /admin/* page (e.g. /admin/impor, /admin/pengguna) is an SPA route, so a
 * full-page browser navigation to it must be answered by Vite with index.html.
 */
const SERVER_ADMIN_PREFIXES = ['/admin/queues'];

const adminProxy: ProxyOptions = {
  target: API_TARGET,
  xfwd: true,
  bypass(req) {
    const url = req.url ?? '';
    const isServerOwned = SERVER_ADMIN_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`) || url.startsWith(`${p}?`));
    const wantsHtml = (req.headers.accept ?? '').includes('text/html');
    if (!isServerOwned && wantsHtml) return '/index.html';
    return undefined;
  },
};

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: API_TARGET, xfwd: true },
      // Public letter check page (QR code target), rendered by the server.
      '/verifikasi/surat/': { target: API_TARGET, xfwd: true },
      '/admin': adminProxy,
    },
  },
  preview: {
    port: 4173,
    proxy: {
      '/api': { target: API_TARGET, xfwd: true },
      // Public letter check page (QR code target), rendered by the server.
      '/verifikasi/surat/': { target: API_TARGET, xfwd: true },
      '/admin': adminProxy,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
