/**
 * A stand-in for next/headers whose request a test sets: the headers the proxy forwarded and the
 * cookies the browser sent. Use with vi.hoisted state:
 *   const scope = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }));
 *   vi.mock('next/headers', async () => (await import('../support/request-scope')).nextHeaders(scope));
 */
export type RequestScope = { headers: Headers; cookies: Map<string, string> };

export function nextHeaders(scope: RequestScope) {
  const jar = {
    get: (name: string) => (scope.cookies.has(name) ? { name, value: scope.cookies.get(name)! } : undefined),
    getAll: () => [...scope.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => scope.cookies.has(name),
    set: () => {},
    delete: () => {},
  };
  return { headers: async () => scope.headers, cookies: async () => jar, draftMode: async () => ({ isEnabled: false }) };
}

/** The request headers the proxy forwarded to the page (NextResponse.next({ request: { headers } })). */
export function forwardedHeaders(res: Response): Headers {
  const out = new Headers();
  for (const name of (res.headers.get('x-middleware-override-headers') ?? '').split(',').filter(Boolean)) {
    const value = res.headers.get(`x-middleware-request-${name}`);
    if (value !== null) out.set(name, value);
  }
  return out;
}
