import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

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

/**
 * Installable app (PWA), made for the phone check-in page: a manifest (name, icons, theme) and a
 * service worker that precaches only the built app shell. Server paths are never answered by
 * the worker: no runtime caching at all, and navigations to /api, the job board and the letter
 * check page go to the network. The worker is generated at build time without any network.
 */
const NOT_THE_APP = [/^\/api(\/|$)/, /^\/admin\/queues(\/|$)/, /^\/verifikasi\/surat\//];

const pwa = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: 'script-defer',
  includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
  manifest: {
    id: '/',
    name: 'SIMAK — Presensi dan Layanan Kepegawaian BKD',
    short_name: 'SIMAK',
    description: 'Presensi, aktivitas harian dan layanan kepegawaian ASN',
    lang: 'id',
    start_url: '/presensi',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    theme_color: '#2b5a9e',
    background_color: '#ffffff',
    icons: [
      { src: '/pwa-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/pwa-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    navigateFallback: '/index.html',
    navigateFallbackDenylist: NOT_THE_APP,
    runtimeCaching: [],
    cleanupOutdatedCaches: true,
  },
});

export default defineConfig({
  plugins: [react(), pwa],
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
