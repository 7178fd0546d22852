// Deadline day (#21): K reviewers approve K different reports at the same moment (K communes of
// one province spread over its districts, each reviewer an account of the commune's district:
// a plan belongs to its province, so the reviewers of other provinces cannot reach it), then
// reopen them; the communes save full reports
// and submit them again, also K at once. Timed from a real HTTP client (Node's fetch) against the
// production jar, with real Keycloak tokens (accounts made here through Keycloak's admin API).
// Run by infra/bench/deadline.sh; by hand:
//
//   node infra/bench/deadline.mjs BASE KEYCLOAK PLAN PERIOD PAIRS_FILE SECONDS K [K ...]
//
// PAIRS_FILE: "district commune" per line (the reviewer's unit and the reported unit; each line
// gets its own reviewer account, bench.rv.<commune>, at the district). Each round
// of one K: save (K at once), submit (K at once), approve (K at once), the very next national read
// checked against the database, reopen (K at once). Approvals per second = approvals / the time
// the approval steps took (from the first request of a step to the last answer). Every answer
// other than 2xx is counted by status as a failure. Prints one RESULT line per K and step.
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";

const [base, keycloak, plan, period, pairsFile, secondsArg, ...ks] =
  process.argv.slice(2);
if (!ks.length) {
  console.error(
    "usage: deadline.mjs BASE KEYCLOAK PLAN PERIOD PAIRS_FILE SECONDS K [K ...]",
  );
  process.exit(2);
}
const seconds = Number(secondsArg);
const PASSWORD = "Demo@2026-lhpn";
const pairs = readFileSync(pairsFile, "utf8")
  .trim()
  .split("\n")
  .map((l) => l.trim().split(/\s+/));
const maxK = Math.max(...ks.map(Number));
if (pairs.length < maxK)
  throw new Error(`${pairs.length} district/commune pairs for K=${maxK}`);

const form = (body) => new URLSearchParams(body).toString();
async function tokenOf(realm, clientId, username) {
  const res = await fetch(
    `${keycloak}/realms/${realm}/protocol/openid-connect/token`,
    {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: form({
        grant_type: "password",
        client_id: clientId,
        username,
        password: realm === "master" ? "kcadmin" : PASSWORD,
      }),
    },
  );
  if (!res.ok)
    throw new Error(`token of ${username}: ${res.status} ${await res.text()}`);
  return (await res.json()).access_token;
}

/** Accounts of the benchmark: a reviewer per district and a reporter per commune. */
async function ensureUser(admin, username, unit, role) {
  const kc = `${keycloak}/admin/realms/lhpn`;
  const auth = {
    Authorization: `Bearer ${admin}`,
    "Content-Type": "application/json",
  };
  const made = await fetch(`${kc}/users`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({
      username,
      enabled: true,
      emailVerified: true,
      firstName: "Bench",
      lastName: unit,
      email: `${username}@bench.lhpn.invalid`,
      attributes: { org_unit: [unit] },
      credentials: [{ type: "password", value: PASSWORD, temporary: false }],
    }),
  });
  if (made.status === 409) return;
  if (!made.ok)
    throw new Error(`user ${username}: ${made.status} ${await made.text()}`);
  const [user] = await (
    await fetch(`${kc}/users?username=${username}&exact=true`, {
      headers: auth,
    })
  ).json();
  const realmRole = await (
    await fetch(`${kc}/roles/${role}`, { headers: auth })
  ).json();
  const mapped = await fetch(`${kc}/users/${user.id}/role-mappings/realm`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify([realmRole]),
  });
  if (!mapped.ok) throw new Error(`role of ${username}: ${mapped.status}`);
}

async function call(method, path, token, { body, ifMatch } = {}) {
  const headers = {
    Authorization: `Bearer ${token}`,
    Accept: "application/json",
  };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (ifMatch) headers["If-Match"] = ifMatch;
  const started = performance.now();
  let res;
  let text;
  try {
    res = await fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    text = await res.text();
  } catch (error) {
    return {
      status: error.name === "TimeoutError" ? "timeout" : "network",
      ms: performance.now() - started,
    };
  }
  return {
    status: res.status,
    ok: res.ok,
    json:
      text && res.headers.get("content-type")?.includes("json")
        ? JSON.parse(text)
        : null,
    etag: res.headers.get("etag"),
    ms: performance.now() - started,
    text,
  };
}
async function must(method, path, token, options) {
  const r = await call(method, path, token, options);
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${r.text ?? ""}`);
  return r;
}

function psql(sql) {
  return execFileSync(
    "runuser",
    [
      "-u",
      "postgres",
      "--",
      "psql",
      "-d",
      process.env.BENCH_DB,
      "-qAt",
      "-c",
      sql,
    ],
    {
      encoding: "utf8",
    },
  ).trim();
}

const admin = await tokenOf("master", "admin-cli", "kcadmin");
const workers = pairs
  .slice(0, maxK)
  .map(([district, commune]) => ({ district, commune }));
for (const w of workers) {
  await ensureUser(
    admin,
    `bench.rv.${w.district}`.toLowerCase(),
    w.district,
    "reviewer",
  );
  await ensureUser(
    admin,
    `bench.bc.${w.commune}`.toLowerCase(),
    w.commune,
    "reporter",
  );
}
// the reader of the national figure: a viewer of the national unit, made here too
await ensureUser(admin, "bench.tw", "VN", "viewer");
const viewer = () => tokenOf("lhpn", "kehoach-cli", "bench.tw");
async function refreshTokens() {
  for (const w of workers) {
    w.reviewer = await tokenOf(
      "lhpn",
      "kehoach-cli",
      `bench.rv.${w.district}`.toLowerCase(),
    );
    w.reporter = await tokenOf(
      "lhpn",
      "kehoach-cli",
      `bench.bc.${w.commune}`.toLowerCase(),
    );
  }
}
await refreshTokens();

// each commune's report of the period, in draft, with the items it reports
const q = `plan=${encodeURIComponent(plan)}`;
let year;
for (const w of workers) {
  const f = (
    await must(
      "GET",
      `/submissions/form?${q}&period=${period}&unit=${w.commune}`,
      w.reporter,
    )
  ).json;
  year = f.period.year;
  w.items = f.items;
  let s = f.submission;
  if (!s) {
    const made = await must("POST", "/submissions", w.reporter, {
      body: { planId: plan, period, unitCode: w.commune },
    });
    s = made.json;
  }
  w.id = s.id;
  w.etag = (await must("GET", `/submissions/${w.id}`, w.reporter)).etag;
  if (s.state === "approved" || s.state === "submitted") {
    const action = s.state === "approved" ? "reopen" : "return";
    w.etag = (
      await must("POST", `/submissions/${w.id}/${action}`, w.reviewer, {
        body: { reason: "benchmark" },
        ifMatch: w.etag,
      })
    ).etag;
  }
}
const watched = workers[0].items.find((i) => i.measureType === "count").key;

const pct = (xs, p) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
function step(name) {
  return { name, ms: [], wall: 0, failures: {}, cpu: {} };
}
/**
 * CPU time used so far by the processes of the machine, in ms, by program (java: the backend,
 * postgres: the database, node: this client, other: the rest, Keycloak's JVM included), from
 * /proc/<pid>/stat (utime + stime). The difference around a step is what the step cost the
 * machine, whatever else ran beside it: a cost that holds on a noisy machine where a rate does not.
 */
const TICK_MS = 1000 / 100; // getconf CLK_TCK: 100 on Linux
const BACKEND = process.env.BENCH_BACKEND_PID;
function cpuNow() {
  const out = { java: 0, postgres: 0, node: 0, other: 0 };
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ms = (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    const group =
      pid === BACKEND
        ? "java"
        : comm === "postgres"
          ? "postgres"
          : Number(pid) === process.pid
            ? "node"
            : "other";
    out[group] += ms;
  }
  return out;
}
/** One step: every worker's request at once; the wall time from the first request to the last answer. */
async function together(stat, active, request) {
  const cpuBefore = cpuNow();
  const started = performance.now();
  const answers = await Promise.all(active.map(request));
  stat.wall += performance.now() - started;
  const cpuAfter = cpuNow();
  for (const group of Object.keys(cpuAfter))
    stat.cpu[group] =
      (stat.cpu[group] ?? 0) + cpuAfter[group] - cpuBefore[group];
  for (const [w, r] of answers.map((r, i) => [active[i], r])) {
    stat.ms.push(r.ms);
    if (r.ok) {
      w.etag = r.etag;
    } else {
      stat.failures[r.status] = (stat.failures[r.status] ?? 0) + 1;
      // the state of a failed report is read again so the next round can go on
      const now = await call("GET", `/submissions/${w.id}`, w.reporter);
      if (now.ok) w.etag = now.etag;
    }
  }
}

let failed = false;
// DEADLINE_PACED_ONLY=1: only the paced runs below (beside the dashboard's reads in national.sh)
for (const k of process.env.DEADLINE_PACED_ONLY ? [] : ks.map(Number)) {
  await refreshTokens();
  const national = await viewer();
  const active = workers.slice(0, k);
  const stats = Object.fromEntries(
    ["save", "submit", "approve", "reopen"].map((n) => [n, step(n)]),
  );
  let rounds = 0;
  let live = 0;
  let checked = 0;
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const r = rounds++;
    await together(stats.save, active, (w) =>
      call("PUT", `/submissions/${w.id}/values`, w.reporter, {
        ifMatch: w.etag,
        body: {
          values: w.items.map((i, n) =>
            i.measureType === "activity"
              ? { item: i.key, status: r % 2 ? "done" : "in_progress" }
              : i.measureType === "percentage"
                ? { item: i.key, number: 40 + ((r + n) % 50) }
                : { item: i.key, number: 100 + r * 7 + n },
          ),
        },
      }),
    );
    await together(stats.submit, active, (w) =>
      call("POST", `/submissions/${w.id}/submit`, w.reporter, {
        ifMatch: w.etag,
      }),
    );
    await together(stats.approve, active, (w) =>
      call("POST", `/submissions/${w.id}/approve`, w.reviewer, {
        ifMatch: w.etag,
      }),
    );
    // the very next read of the national figure equals the database's sum, approvals included
    const read = await call(
      "GET",
      `/progress?${q}&unit=VN&year=${year}`,
      national,
    );
    const api = Number(
      read.json?.items?.find((i) => i.itemKey === watched)?.subtree?.value ??
        NaN,
    );
    const sql = Number(
      psql(`SELECT coalesce(sum(approved_number), 0) FROM unit_year_value v JOIN plan_item i
            ON i.id = v.plan_item_id WHERE i.item_key = '${watched}' AND v.year = ${year}
            AND v.approved_sources IS NOT NULL AND i.plan_id = (SELECT id FROM plan WHERE code = '${plan}')`),
    );
    checked++;
    if (Math.abs(api - sql) < 0.005) live++;
    await together(stats.reopen, active, (w) =>
      call("POST", `/submissions/${w.id}/reopen`, w.reviewer, {
        ifMatch: w.etag,
        body: { reason: "benchmark" },
      }),
    );
  }
  for (const s of Object.values(stats)) {
    const n = s.ms.length;
    const failures = Object.entries(s.failures)
      .map(([status, c]) => `${c}×${status}`)
      .join(" ");
    const rate =
      (n - Object.values(s.failures).reduce((a, b) => a + b, 0)) /
      (s.wall / 1000);
    console.log(
      `RESULT K=${k} ${s.name.padEnd(7)} n=${n} ${rate.toFixed(1)}/s p50=${pct(s.ms, 50).toFixed(1)}ms ` +
        `p95=${pct(s.ms, 95).toFixed(1)}ms p99=${pct(s.ms, 99).toFixed(1)}ms failures=${failures || 0}`,
    );
    if (failures) failed = true;
    if (BACKEND) {
      const per = (g) => ((s.cpu[g] ?? 0) / n).toFixed(2);
      console.log(
        `RESULT K=${k} ${s.name.padEnd(7)} cpu per request: backend ${per("java")} ms, postgres ${per("postgres")} ms, ` +
          `this client ${per("node")} ms, the rest ${per("other")} ms`,
      );
    }
  }
  console.log(
    `RESULT K=${k} live    ${live}/${checked} national reads right after the approvals equal the database`,
  );
  if (live !== checked) failed = true;
}
/**
 * One psql session kept open (statements in, rows out): the paced run below puts a report back
 * to "submitted" after each approval, ~200 times a second, which a psql process per statement
 * could not do without costing more than the approvals measured.
 */
function session() {
  const child = spawn(
    "runuser",
    ["-u", "postgres", "--", "psql", "-X", "-d", process.env.BENCH_DB, "-qAt"],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  let buffered = "";
  const waiting = [];
  child.stdout.on("data", (chunk) => {
    buffered += chunk;
    let end;
    while ((end = buffered.indexOf("--end--\n")) >= 0) {
      const out = buffered.slice(0, end).trim();
      buffered = buffered.slice(end + 8);
      waiting.shift()(out);
    }
  });
  return {
    query(sql) {
      return new Promise((resolve) => {
        waiting.push(resolve);
        child.stdin.write(`${sql};\nSELECT '--end--';\n`);
      });
    },
    close() {
      child.stdin.end();
    },
  };
}

/**
 * Reviewers at a pace (DEADLINE_PACED="R …"): the K reviewers of the largest K approve R reports a
 * second together, reviewer i at t0 + (n·K + i)/R s for its n-th approval, never two of its own
 * at once, for SECONDS. A latency counts from the moment the approval was due, not from when it
 * could be sent, so a backlog shows in it (no coordinated omission). The runs above send K at the
 * same instant, where p95 is the time to drain a burst of K (about K / rate); this asks what a
 * reviewer waits while approvals come at R a second.
 *
 * After each approval its report is made "submitted" again by SQL, each number moved by one, up
 * and down in turn (one statement in a kept session, not timed; its CPU is in the totals, and
 * said apart): a reopen and a submission through the API would be two more steps for each
 * approval. Each approval still does all its work: its figures differ from the unit's stored ones
 * in every item, so the rollups above move (a step diffs against the stored figures,
 * docs/adr/0009, so the totals stay exact; the national read after the run is checked against the
 * database as above).
 */
async function paced(rate, k) {
  const active = workers.slice(0, k);
  for (const w of active) {
    const got = await must("GET", `/submissions/${w.id}`, w.reporter);
    w.etag = got.etag;
    // a reopened report is a draft again ("returned" as the API names it)
    if (got.json.state === "approved")
      throw new Error(`report ${w.id} approved before the paced run`);
    if (got.json.state !== "submitted")
      w.etag = (
        await must("POST", `/submissions/${w.id}/submit`, w.reporter, {
          ifMatch: w.etag,
        })
      ).etag;
  }
  const db = session();
  const stat = step("paced approve");
  const lateness = [];
  const interval = 1000 / rate;
  const cpuBefore = cpuNow();
  const t0 = performance.now() + 100;
  const until = t0 + seconds * 1000;
  // for national.sh, which starts the dashboard's reads once the approvals have begun
  if (process.env.DEADLINE_PACED_STARTED)
    writeFileSync(process.env.DEADLINE_PACED_STARTED, `${rate}\n`);
  await Promise.all(
    active.map(async (w, i) => {
      for (let n = 0; ; n++) {
        const due = t0 + (n * k + i) * interval;
        if (due >= until) return;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
        lateness.push(performance.now() - due);
        const a = await call(
          "POST",
          `/submissions/${w.id}/approve`,
          w.reviewer,
          {
            ifMatch: w.etag,
          },
        );
        stat.ms.push(performance.now() - due);
        if (!a.ok) stat.failures[a.status] = (stat.failures[a.status] ?? 0) + 1;
        const version = await db.query(`WITH v AS (
            UPDATE submission_value SET number = number ${n % 2 ? "-" : "+"} 1
            WHERE submission_id = ${w.id} AND number IS NOT NULL)
          UPDATE submission SET state = 'submitted', version = version + 1
          WHERE id = ${w.id} RETURNING version`);
        w.etag = `"${version}"`;
      }
    }),
  );
  stat.wall = performance.now() - t0;
  const cpuAfter = cpuNow();
  for (const g of Object.keys(cpuAfter))
    stat.cpu[g] = cpuAfter[g] - cpuBefore[g];
  db.close();
  // back in draft through the API, as the runs above leave the reports
  for (const w of active)
    await must("POST", `/submissions/${w.id}/return`, w.reviewer, {
      body: { reason: "benchmark" },
      ifMatch: w.etag,
    });
  const national = await viewer();
  const read = await call(
    "GET",
    `/progress?${q}&unit=VN&year=${year}`,
    national,
  );
  const api = Number(
    read.json?.items?.find((i) => i.itemKey === watched)?.subtree?.value ?? NaN,
  );
  const sql = Number(
    psql(`SELECT coalesce(sum(approved_number), 0) FROM unit_year_value v JOIN plan_item i
          ON i.id = v.plan_item_id WHERE i.item_key = '${watched}' AND v.year = ${year}
          AND v.approved_sources IS NOT NULL AND i.plan_id = (SELECT id FROM plan WHERE code = '${plan}')`),
  );
  const n = stat.ms.length;
  const failures = Object.entries(stat.failures)
    .map(([status, c]) => `${c}×${status}`)
    .join(" ");
  const ok = n - Object.values(stat.failures).reduce((a, b) => a + b, 0);
  console.log(
    `RESULT paced K=${k} at ${rate}/s: n=${n} done ${(ok / (stat.wall / 1000)).toFixed(1)}/s ` +
      `p50=${pct(stat.ms, 50).toFixed(1)}ms p95=${pct(stat.ms, 95).toFixed(1)}ms ` +
      `p99=${pct(stat.ms, 99).toFixed(1)}ms (sent after it was due: p95 ${pct(lateness, 95).toFixed(1)}ms) ` +
      `failures=${failures || 0}`,
  );
  if (BACKEND) {
    const per = (g) => ((stat.cpu[g] ?? 0) / n).toFixed(2);
    console.log(
      `RESULT paced K=${k} cpu per approval: backend ${per("java")} ms, postgres ${per("postgres")} ms ` +
        `(with the SQL that submits the report again), this client ${per("node")} ms, the rest ${per("other")} ms`,
    );
  }
  const live = Math.abs(api - sql) < 0.005;
  console.log(
    `RESULT paced K=${k} live    ${live ? 1 : 0}/1 national read after the paced run equals the database`,
  );
  if (failures || !live) failed = true;
}
// DEADLINE_PACED="100 200": one paced run at each rate, in turn
for (const rate of (process.env.DEADLINE_PACED ?? "")
  .split(/[\s,]+/)
  .filter(Boolean)) {
  await refreshTokens();
  await paced(Number(rate), maxK);
}
process.exit(failed ? 1 : 0);
