/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { securityHeaders } from './src/lib/security-headers';
import { antdStaticCss } from './scripts/antd-css';

// Where the SPA finds Keycloak is decided at run time, not build time: the same build runs
// locally, in the tests and behind nginx in docker compose. In dev and preview this plugin
// serves /config.json from the environment; nginx serves it from a template.
const oidcAuthority = process.env.KEHOACH_OIDC_AUTHORITY ?? 'http://localhost:8180/realms/lhpn';

function runtimeConfig(): Plugin {
  const body = () =>
    JSON.stringify({
      oidcAuthority,
      oidcClientId: process.env.KEHOACH_OIDC_CLIENT_ID ?? 'kehoach-web',
    });
  const serve = (server: { middlewares: { use: (path: string, fn: never) => void } }): void => {
    server.middlewares.use('/config.json', ((
      _req: unknown,
      res: { setHeader: (k: string, v: string) => void; end: (b: string) => void },
    ) => {
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Cache-Control', 'no-store');
      res.end(body());
    }) as never);
  };
  return {
    name: 'kehoach-runtime-config',
    configureServer: serve,
    configurePreviewServer: serve,
  };
}

/**
 * The service worker (sw/service-worker.js), written next to the build with the build's own
 * files to keep for offline use and a version that changes whenever one of them does.
 */
function serviceWorker(): Plugin {
  return {
    name: 'kehoach-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      // what the first page load itself fetches (index.html's scripts, preloads and styles); the
      // chunks of a page are kept by the worker when the page is first opened
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset') throw new Error('index.html not in the bundle yet');
      const initial = [...String(html.source).matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map(
        (m) => m[1]!,
      );
      const precache = [
        ...new Set([...initial, '/index.html', '/favicon.svg', '/icon-192.png', '/icon-512.png']),
      ].sort();
      precache.push('/manifest.webmanifest');
      const version = createHash('sha256')
        .update(Object.keys(bundle).sort().join('\n'))
        .digest('hex')
        .slice(0, 12);
      const source = readFileSync(new URL('./sw/service-worker.js', import.meta.url), 'utf8')
        .replace("const VERSION = '__VERSION__';", `const VERSION = '${version}';`)
        .replace('const PRECACHE = __PRECACHE__;', `const PRECACHE = ${JSON.stringify(precache)};`);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

const api = process.env.KEHOACH_API_URL ?? 'http://localhost:8080';
const proxy = { '/api': { target: api, changeOrigin: false } };

export default defineConfig({
  plugins: [react(), runtimeConfig(), serviceWorker(), antdStaticCss(import.meta.dirname)],
  resolve: { alias: { '@': new URL('./src', import.meta.url).pathname } },
  server: {
    port: 5173,
    strictPort: true,
    proxy,
    // unit tests read the nginx template beside the project (security-headers.test.ts)
    fs: process.env.VITEST ? { allow: ['..'] } : undefined,
  },
  // the built SPA is previewed (and browser-tested) under the headers nginx serves it with
  preview: { port: 5174, strictPort: true, proxy, headers: securityHeaders(oidcAuthority) },
  build: {
    target: 'es2022',
    rollupOptions: {
      output: {
        manualChunks(id) {
          // React itself only: "node_modules/react" would also catch react-chartjs-2 (and with it
          // chart.js) and every other react-* package into the first download
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
  },
});
