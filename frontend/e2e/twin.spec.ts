import { bearer, expect, test } from './support';

// Two backend instances on one database (run-e2e.sh starts both): what one writes the other reads
// at once, an Idempotency-Key used on one is honoured on the other (concurrently too), and an ETag
// from one is valid on the other. Nothing of a request's state lives in an instance.
const A = process.env.E2E_API_A ?? 'http://localhost:8082';
const B = process.env.E2E_API_B ?? 'http://localhost:8083';

test('two instances behave as one: writes, idempotency keys and ETags cross between them', async ({
  request,
}, info) => {
  test.skip(info.project.name !== 'desktop', 'an API test: once is enough');
  const province = await bearer(request, 'tinh.canbo');
  const commune = await bearer(request, 'xa.huongson');
  const district = await bearer(request, 'huyen.phobinh');
  const period = '2023-H2';

  // the period read on B, opened on A with B's ETag
  const read = await request.get(`${B}/api/v1/periods/11-KH-BCH/${period}`, { headers: province });
  if ((await read.json()).state !== 'open') {
    const opened = await request.post(`${A}/api/v1/periods/11-KH-BCH/${period}/open`, {
      headers: { ...province, 'If-Match': read.headers()['etag']! },
    });
    expect(opened.status()).toBe(200);
  }

  // created on A: on B at once, same version; the same key on B replays A's answer
  const key = `twin-create-${Date.now()}`;
  const body = {
    planId: '11-KH-BCH',
    period,
    unitCode: '05908',
    values: [{ item: 'I-2.1', number: 4 }],
  };
  const created = await request.post(`${A}/api/v1/submissions`, {
    headers: { ...commune, 'Idempotency-Key': key },
    data: body,
  });
  expect(created.status()).toBe(201);
  const report = await created.json();
  const onB = await request.get(`${B}/api/v1/submissions/${report.id}`, { headers: commune });
  expect(onB.status()).toBe(200);
  expect(onB.headers()['etag']).toBe(created.headers()['etag']);
  const replay = await request.post(`${B}/api/v1/submissions`, {
    headers: { ...commune, 'Idempotency-Key': key },
    data: body,
  });
  expect(replay.status()).toBe(201);
  expect(replay.headers()['idempotent-replayed']).toBe('true');
  expect((await replay.json()).id).toBe(report.id);

  // one key sent to both at the same moment: the step runs once, both get its answer
  const submitKey = `twin-submit-${Date.now()}`;
  const [one, two] = await Promise.all(
    [A, B].map((base) =>
      request.post(`${base}/api/v1/submissions/${report.id}/submit`, {
        headers: {
          ...commune,
          'If-Match': created.headers()['etag']!,
          'Idempotency-Key': submitKey,
        },
      }),
    ),
  );
  expect([one.status(), two.status()]).toEqual([200, 200]);
  expect([one.headers()['idempotent-replayed'], two.headers()['idempotent-replayed']]).toContain(
    'true',
  );
  expect(one.headers()['etag']).toBe(two.headers()['etag']);
  const history = await request.get(`${B}/api/v1/submissions/${report.id}/history`, {
    headers: commune,
  });
  const submits = ((await history.json()) as { kind?: string; toState?: string }[]).filter(
    (e) => e.toState === 'submitted',
  );
  expect(submits).toHaveLength(1);

  // an ETag from A is good on B; a stale one is refused there
  const stale = await request.post(`${B}/api/v1/submissions/${report.id}/approve`, {
    headers: { ...district, 'If-Match': created.headers()['etag']! },
  });
  expect(stale.status()).toBe(412);
  const approved = await request.post(`${B}/api/v1/submissions/${report.id}/approve`, {
    headers: { ...district, 'If-Match': one.headers()['etag']! },
  });
  expect(approved.status()).toBe(200);
  // and the progress A serves has the approval in its very next read
  const progress = await request.get(`${A}/api/v1/progress?plan=11-KH-BCH&unit=05908&year=2023`, {
    headers: district,
  });
  const item = (
    (await progress.json()).items as { itemKey: string; own?: { value?: number } }[]
  ).find((i) => i.itemKey === 'I-2.1');
  expect(item?.own?.value).toBeGreaterThanOrEqual(4);
});
