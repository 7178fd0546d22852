import { describe, expect, it } from 'vitest';
import template from '../../../infra/nginx/default.conf.template?raw';
import { securityHeaders } from './security-headers';

// nginx (docker compose) and vite preview (the browser tests) must serve the SPA alike.

describe('the SPA security headers', () => {
  const expected = securityHeaders('https://id.example.vn/realms/lhpn');

  it('let no inline script run and no page frame the SPA', () => {
    const csp = expected['Content-Security-Policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self' https://id.example.vn");
  });

  it('are the same in every nginx location', () => {
    const locations = template.split(/\n\s*location /).slice(1);
    expect(locations.length).toBeGreaterThan(2);
    for (const location of locations.filter((l) => !l.startsWith('/api/'))) {
      for (const [name, value] of Object.entries(expected)) {
        const served = value.replaceAll('https://id.example.vn', '${KEHOACH_OIDC_ORIGIN}');
        expect(location, `${name} in location ${location.split('\n')[0]}`).toContain(
          `add_header ${name} "${served}" always;`,
        );
      }
    }
  });
});
