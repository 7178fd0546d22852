import createClient, { type Middleware } from 'openapi-fetch';
import i18n from 'i18next';
import { accessToken } from '../auth';
import { reportReach } from '../online';
import type { paths } from './schema';

/** RFC 9457 problem details, as every API error is sent. */
export type Problem = {
  type?: string;
  title?: string;
  status: number;
  /** In the UI's language: every request says it in Accept-Language. */
  detail?: string;
  instance?: string;
  errors?: { field: string; message: string; code?: string; params?: Record<string, unknown> }[];
  /** What went wrong as a stable code with its parameters, when the server's catalog has it. */
  code?: string;
  params?: Record<string, unknown>;
  /** For a conflict: the state the resource is in now, and what may be done from there. */
  currentState?: string;
  allowed?: string[];
  /** For a stale write (412): the resource as it is now. */
  current?: unknown;
};

/** An API call that failed, carrying the server's problem details. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

/**
 * Reads a failed response as a problem, whatever the server or a proxy sent. The server wrote its
 * messages in the language the request asked for (Accept-Language, set below).
 */
export async function toProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.clone().json()) as Partial<Problem>;
      return { ...body, status: body.status ?? response.status };
    } catch {
      // fall through: a body that says it is JSON but is not
    }
  }
  return { status: response.status, title: response.statusText };
}

const auth: Middleware = {
  async onRequest({ request }) {
    const token = await accessToken();
    if (token) {
      request.headers.set('Authorization', `Bearer ${token}`);
    }
    // the server's messages in the UI's language (which follows the saved preference)
    request.headers.set('Accept-Language', i18n.language === 'en' ? 'en' : 'vi');
    return request;
  },
  async onResponse({ response }) {
    // an answer the service worker kept means the server was not reached
    reportReach(response.headers.get('Kehoach-Offline') !== 'true');
    if (!response.ok) {
      throw new ApiError(await toProblem(response));
    }
    return response;
  },
  onError() {
    reportReach(false); // no answer at all: the request never reached the server
  },
};

/** The one typed client of the API, generated from the root openapi.yaml. */
export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);
