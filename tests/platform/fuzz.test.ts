// A property-based fuzz of every operation in mock/openapi.yaml, over real HTTP: requests drawn from
// each operation's own schemas (and some that break them), with and without log-in and key. No answer
// may be a 5xx, and every answer must be one the document lists, with a body that fits it.
// Bounded: RUNS requests per operation, and a time limit per operation.
import fc from 'fast-check';
import { fromSchema } from './arbitrary';
import { contractProblems, openapi, type Doc } from './contract';
import { login, RESEARCH_KEY, startPlatform, type Platform } from './helpers';

const RUNS = 60;
const MS_PER_OPERATION = 4000;

let s: Platform;
let doc: Doc;
let sessionId = '';
const tokens: string[] = [];

beforeAll(async () => {
  s = await startPlatform();
  doc = await openapi();
  tokens.push(await login(s, 'zhang'), await login(s, 'li'));
  const created = await fetch(`${s.base}/api/research/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-research-key': RESEARCH_KEY },
    body: JSON.stringify({
      study: 'fuzz',
      participant: 'F1',
      personaId: 'zhang',
      profileId: 'heilongjiang',
      situation: 'normal',
    }),
  });
  sessionId = ((await created.json()) as { id: string }).id;
});
afterAll(() => s.app.close());

type Param = { name: string; in: string; schema?: Record<string, unknown>; required?: boolean };

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([m]) => ['get', 'post', 'delete', 'put', 'patch'].includes(m))
      .map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );

test('the document lists enough operations to fuzz', async () => {
  expect(operations().length).toBeGreaterThanOrEqual(24);
});

const pathValue = (p: Param) =>
  fc.oneof(
    { arbitrary: fromSchema(p.schema).map(String), weight: 3 },
    { arbitrary: fc.constantFrom(sessionId || 'ABCDEF', 'ABCDEF', '..', '%2F', 'x'.repeat(120)), weight: 1 },
  );

test('no operation answers 5xx or anything the document does not list', async () => {
  const failures: string[] = [];
  let sent = 0;
  for (const { path, method, op } of operations()) {
    const params = (op.parameters ?? []) as Param[];
    const jsonBody = op.requestBody?.content['application/json']?.schema;
    const request = fc.record({
      path: fc.tuple(...params.filter((p) => p.in === 'path').map(pathValue), fc.constant('')),
      query: fc.tuple(
        ...params
          .filter((p) => p.in === 'query')
          .map((p) => fc.option(fromSchema(p.schema).map(String), { nil: undefined, freq: 4 })),
        fc.constant(undefined),
      ),
      profile: fc.option(fc.oneof(fc.constantFrom('heilongjiang', 'hebei', 'zhejiang'), fc.string({ maxLength: 12 })), {
        nil: undefined,
      }),
      auth: fc.constantFrom('good', 'good', 'none', 'garbage'),
      key: fc.constantFrom(true, true, false),
      body: jsonBody ? fc.option(fromSchema(jsonBody), { nil: undefined, freq: 8 }) : fc.constant(undefined),
      contentType: fc.constantFrom('application/json', 'application/json', 'application/json', 'text/plain'),
    });
    const queryParams = params.filter((p) => p.in === 'query');
    await fc
      .assert(
        fc.asyncProperty(request, async (r) => {
          let i = 0;
          const url =
            path.replace(/\{[^}]+\}/g, () => encodeURIComponent(r.path[i++] ?? '')) +
            (queryParams.length
              ? '?' +
                queryParams
                  .map((p, k) =>
                    r.query[k] === undefined ? '' : `${p.name}=${encodeURIComponent(r.query[k] as string)}`,
                  )
                  .filter(Boolean)
                  .join('&')
              : '');
          const headers: Record<string, string> = {};
          if (r.profile !== undefined) headers['x-rule-profile'] = r.profile;
          if (r.auth === 'good') headers.authorization = `Bearer ${tokens[sent % tokens.length]}`;
          if (r.auth === 'garbage') headers.authorization = 'Bearer nonsense';
          if (r.key) headers['x-research-key'] = RESEARCH_KEY;
          const body = r.body === undefined ? undefined : JSON.stringify(r.body);
          if (body !== undefined) headers['content-type'] = r.contentType;
          sent++;
          const res = await fetch(s.base + url, { method, headers, body });
          const text = await res.text();
          const contentType = res.headers.get('content-type') ?? '';
          const parsed = contentType.includes('json') && text ? JSON.parse(text) : text;
          const problems = await contractProblems({ method, url, status: res.status, contentType, body: parsed });
          if (res.status >= 500) problems.push(`${method} ${url} → ${res.status}`);
          if (problems.length) failures.push(...problems);
          return problems.length === 0;
        }),
        { numRuns: RUNS, interruptAfterTimeLimit: MS_PER_OPERATION, seed: 20261122 + sent, endOnFailure: true },
      )
      .catch(() => undefined);
  }
  expect(sent).toBeGreaterThan(24 * 10);
  expect(failures.slice(0, 10)).toEqual([]);
}, 180_000);
