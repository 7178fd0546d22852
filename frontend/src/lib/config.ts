/** Settings the SPA reads at start from /config.json, so one build runs everywhere. */
export type RuntimeConfig = {
  oidcAuthority: string;
  oidcClientId: string;
};

export async function loadConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`/config.json: HTTP ${response.status}`);
  }
  const config = (await response.json()) as Partial<RuntimeConfig>;
  if (!config.oidcAuthority || !config.oidcClientId) {
    throw new Error('/config.json must give oidcAuthority and oidcClientId');
  }
  return { oidcAuthority: config.oidcAuthority, oidcClientId: config.oidcClientId };
}
