import { describe, expect, it } from 'vitest';
import { ApiError, toProblem } from './client';

describe('toProblem', () => {
  it('reads problem+json bodies', async () => {
    const response = new Response(
      JSON.stringify({
        type: 'urn:kehoach:problem:validation',
        status: 400,
        detail: 'bad',
        errors: [{ field: 'language', message: 'must be vi or en' }],
      }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
    );
    const problem = await toProblem(response);
    expect(problem.type).toBe('urn:kehoach:problem:validation');
    expect(problem.errors?.[0]?.field).toBe('language');
    expect(new ApiError(problem).message).toBe('bad');
  });

  it('survives a proxy error page that is not JSON', async () => {
    const response = new Response('<html>Bad Gateway</html>', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'Content-Type': 'text/html' },
    });
    expect(await toProblem(response)).toEqual({ status: 502, title: 'Bad Gateway' });
  });
});
