// A stand-in for the API in the dashboard's DOM tests: each file says what a request gets and reads
// what its panel sent. Installed before each test (with window.confirm answering yes) and removed
// after it.
import { afterEach, beforeEach, vi } from 'vitest';
import type { PublishedDisclosure } from '../../web/src/my-disclosures.ts';

export interface SentRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** `answer` says what each request gets: a body to send as JSON, or a Response as it is. */
export function fakeApi(answer: (request: SentRequest) => unknown) {
  const api = {
    sent: [] as SentRequest[],
    confirm: vi.fn((_question?: string) => true),
    /** The requests sent so far that call `name` (a mutation or query field). */
    calls: (name: string) => api.sent.filter((r) => r.query.includes(`${name}(`)),
  };
  beforeEach(() => {
    api.sent.length = 0;
    api.confirm.mockReset().mockReturnValue(true);
    window.confirm = api.confirm;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const request = JSON.parse(String(init.body)) as SentRequest;
        api.sent.push(request);
        const body = answer(request);
        return body instanceof Response
          ? body
          : new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());
  return api;
}

/** The API's refusal of a request, as BAD_USER_INPUT unless told otherwise. */
export const refused = (message: string, code = 'BAD_USER_INPUT') => ({
  errors: [{ message, extensions: { code } }],
});

/** Lets a panel's pending requests and renders finish (the whole dashboard's take more rounds). */
export const settle = async (rounds = 5) => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

export type Answer = { data?: unknown; errors?: { message: string; extensions?: { code: string } }[] };
type Route = [RegExp, (variables: Record<string, unknown>) => Answer | Promise<Answer>];

/**
 * A /graphql for the whole dashboard that answers each operation by the first route whose pattern its
 * text matches (anything else is refused); returns the requests sent.
 */
export function fakeRoutes(routes: readonly Route[]): SentRequest[] {
  const sent: SentRequest[] = [];
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as SentRequest;
    sent.push(body);
    const route = routes.find(([pattern]) => pattern.test(body.query));
    const answer = route
      ? await route[1](body.variables)
      : refused('not in this fake', 'INTERNAL_SERVER_ERROR');
    return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return sent;
}

/** A fresh element to start the dashboard in, signed in with `tokenKey`; undone after each test. */
export function useDashboardRoot(tokenKey: string): () => HTMLElement {
  let root: HTMLElement | undefined;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.replaceChildren(root);
    sessionStorage.setItem(tokenKey, 'token-1');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStorage.clear();
  });
  return () => {
    if (root === undefined) throw new Error('useDashboardRoot: no test is running');
    return root;
  };
}

/** One of Dell's own disclosures as My disclosures reads it; `patch` says what differs. */
export const ownDisclosure = (
  patch: Partial<PublishedDisclosure> & Pick<PublishedDisclosure, 'id' | 'title'>,
): PublishedDisclosure => ({
  kind: 'CERTIFICATE',
  owner: DELL,
  subject: DELL,
  summary: null,
  issuer: null,
  standard: null,
  products: [],
  issuedAt: '2025-06-01T00:00:00.000Z',
  validUntil: null,
  expired: false,
  documentUrl: null,
  documentSha256: null,
  actions: [],
  version: 1,
  publishedAt: '2025-06-02T00:00:00.000Z',
  updatedAt: '2025-06-02T00:00:00.000Z',
  withdrawnAt: null,
  ...patch,
});

export const DELL = { id: 'us-dell', name: 'Dell Technologies' };
