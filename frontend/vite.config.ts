/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { securityHeaders } from './src/lib/security-headers';

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

const api = process.env.KEHOACH_API_URL ?? 'http://localhost:8080';
const proxy = { '/api': { target: api, changeOrigin: false } };

export default defineConfig({
  plugins: [react(), runtimeConfig()],
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
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
