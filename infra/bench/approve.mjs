// Saving a full report and approving it, timed from a real HTTP client (Node's fetch), and the
// proof that progress is live: after each approval the very next read of the national total shows
// the change. Run by infra/bench/national.sh; by hand:
//
//   node infra/bench/approve.mjs BASE PLAN PERIOD UNIT REPORTER_TOKEN REVIEWER_TOKEN VIEWER_TOKEN [ROUNDS]
//
// Each round: save every applicable value of the unit's report (one PUT), submit it, approve it
// (the reviewer of the unit above), read the national progress, reopen it. Prints p50/p95/p99 of
// the save and of the approval, and fails when a read after an approval misses it.
const [base, plan, period, unit, reporter, reviewer, viewer, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 100);
if (!viewer) {
  console.error('usage: approve.mjs BASE PLAN PERIOD UNIT REPORTER REVIEWER VIEWER [ROUNDS]');
  process.exit(2);
}

async function call(method, path, token, { body, ifMatch } = {}) {
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch) headers['If-Match'] = ifMatch;
  const started = performance.now();
  const res = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return { json: text ? JSON.parse(text) : null, etag: res.headers.get('etag'), ms };
}

const q = `plan=${encodeURIComponent(plan)}`;
const form = (
  await call('GET', `/submissions/form?${q}&period=${period}&unit=${unit}`, reporter)
).json;
let submission = form.submission;
let etag;
if (!submission) {
  const created = await call('POST', '/submissions', reporter, {
    body: { planId: plan, period, unitCode: unit },
  });
  submission = created.json;
  etag = created.etag;
} else {
  etag = (await call('GET', `/submissions/${submission.id}`, reporter)).etag;
}
if (submission.state === 'approved') {
  etag = (
    await call('POST', `/submissions/${submission.id}/reopen`, reviewer, {
      body: { reason: 'benchmark' },
      ifMatch: etag,
    })
  ).etag;
} else if (submission.state === 'submitted') {
  etag = (
    await call('POST', `/submissions/${submission.id}/return`, reviewer, {
      body: { reason: 'benchmark' },
      ifMatch: etag,
    })
  ).etag;
}
const year = form.period.year;
const counted = form.items.filter((i) => i.measureType === 'count');
const watched = counted[0].key;
const national = async () => {
  const res = await call('GET', `/progress?${q}&unit=VN&year=${year}`, viewer);
  return Number(res.json.items.find((i) => i.itemKey === watched).subtree.value ?? 0);
};

const saves = [];
const approvals = [];
let missed = 0;
for (let r = 0; r < rounds; r++) {
  const values = form.items.map((i, k) =>
    i.measureType === 'activity'
      ? { item: i.key, status: r % 2 ? 'done' : 'in_progress' }
      : i.measureType === 'percentage'
        ? { item: i.key, number: 40 + ((r + k) % 50) }
        : { item: i.key, number: 100 + r * 7 + k },
  );
  const before = await national();
  const saved = await call('PUT', `/submissions/${submission.id}/values`, reporter, {
    body: { values },
    ifMatch: etag,
  });
  saves.push(saved.ms);
  const submitted = await call('POST', `/submissions/${submission.id}/submit`, reporter, {
    ifMatch: saved.etag,
  });
  const approved = await call('POST', `/submissions/${submission.id}/approve`, reviewer, {
    ifMatch: submitted.etag,
  });
  approvals.push(approved.ms);
  const now = values.find((v) => v.item === watched).number;
  const after = await national();
  // reopened in the previous round, the unit's figure had left the total: it comes back as `now`
  if (Math.abs(after - before - now) > 1e-6) {
    missed++;
    console.error(`round ${r}: national total ${before} → ${after}, expected +${now}`);
  }
  etag = (
    await call('POST', `/submissions/${submission.id}/reopen`, reviewer, {
      body: { reason: 'benchmark' },
      ifMatch: approved.etag,
    })
  ).etag;
}
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)].toFixed(2);
};
const line = (name, xs) =>
  console.log(
    `RESULT ${name} n=${xs.length} p50=${pct(xs, 50)}ms p95=${pct(xs, 95)}ms p99=${pct(xs, 99)}ms`,
  );
line(`save ${form.items.length} values`, saves);
line('approve', approvals);
console.log(
  `live: ${rounds - missed}/${rounds} approvals seen by the very next national read (${watched})`,
);
process.exit(missed ? 1 : 0);
