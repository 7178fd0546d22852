// The headers the SPA is served with, in one place: vite preview sends them (so every browser test
// runs under them) and the nginx template repeats them (a unit test keeps the two equal).
// No inline script may run; styles may be inline (Ant Design writes its CSS at run time).

/** The origin of an OIDC authority: "http://kc:8180/realms/lhpn" → "http://kc:8180". */
export function originOf(authority: string): string {
  return new URL(authority).origin;
}

export function securityHeaders(oidcAuthority: string): Record<string, string> {
  const keycloak = originOf(oidcAuthority);
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      `connect-src 'self' ${keycloak}`,
      `frame-src ${keycloak}`,
      "object-src 'none'",
      "base-uri 'self'",
      `form-action 'self' ${keycloak}`,
      "frame-ancestors 'none'",
    ].join('; '),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}
