// One build for the three web apps. Each app is its own HTML entry; the hub serves the output under
// /web/ and answers /admin, /store/<channel> and /pos/<store> with the app's index.html.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/web/',
  plugins: [react(), precompress()],
  build: {
    outDir: process.env.OMNIHUB_WEB_OUT_DIR ?? here('./dist'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        admin: here('./admin/index.html'),
        store: here('./store/index.html'),
        pos: here('./pos/index.html'),
        // The storefronts' service worker: no imports, and a fixed name the hub serves at /store/sw.js.
        'store-sw': here('./store/sw.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'store-sw' ? 'store-sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    // `npx vite web` during development: the hub answers the API.
    proxy: { '/api': process.env.OMNIHUB_URL ?? 'http://127.0.0.1:8080' },
  },
});
