// Builds the realm file the local run and the tests import: the production realm
// (infra/keycloak/lhpn-realm.json) plus the demo overlay (users with known passwords,
// password-grant clients for scripts and tests). Production imports the realm file alone.
//
//   node merge-realm.mjs REALM.json OVERLAY.json > lhpn-realm.json
//
// Overlay keys: "users" and "clients" are appended; "clientOverrides" maps a clientId to
// fields that replace the realm client's fields.
import { readFileSync } from 'node:fs';

const [realmPath, overlayPath] = process.argv.slice(2);
if (!realmPath || !overlayPath) {
  console.error('usage: node merge-realm.mjs REALM.json OVERLAY.json');
  process.exit(2);
}
const realm = JSON.parse(readFileSync(realmPath, 'utf8'));
const overlay = JSON.parse(readFileSync(overlayPath, 'utf8'));

realm.users = [...(realm.users ?? []), ...(overlay.users ?? [])];
realm.clients = [...(realm.clients ?? []), ...(overlay.clients ?? [])];
for (const [clientId, fields] of Object.entries(overlay.clientOverrides ?? {})) {
  const client = realm.clients.find((c) => c.clientId === clientId);
  if (!client) {
    console.error(`overlay overrides unknown client ${clientId}`);
    process.exit(1);
  }
  Object.assign(client, fields);
}
process.stdout.write(JSON.stringify(realm, null, 2) + '\n');
