import fs from 'fs';
import path from 'path';
import { routeList } from '../../mock/platform/router';
import { contractProblems, OPENAPI_FILE } from './contract';

const yaml = fs.readFileSync(path.resolve(__dirname, '../../mock/openapi.yaml'), 'utf8');

/** Paths and their methods, read from the YAML's indentation (two spaces for paths, four for methods). */
function documented(): Set<string> {
  const out = new Set<string>();
  let current = '';
  for (const line of yaml.split('\n')) {
    const p = /^ {2}(\/api\/\S*):\s*$/.exec(line)?.[1];
    if (p) current = p.replace(/\{[^}]+\}/g, '{}');
    const m = /^ {4}(get|post|put|delete|patch):/.exec(line)?.[1];
    if (m && current) out.add(`${m.toUpperCase()} ${current}`);
  }
  return out;
}

test('every route the platform answers is described in mock/openapi.yaml', () => {
  const docs = documented();
  const routes = routeList().map(([method, source]) => {
    const p = source
      .replace(/^\^/, '')
      .replace(/\$$/, '')
      .replace(/\(\[\^\/\]\+\)/g, '{}')
      .replace(/\\\//g, '/');
    return `${method} ${p}`;
  });
  expect(routes.length).toBeGreaterThan(10);
  expect(routes.filter((r) => !docs.has(r))).toEqual([]);
});

test('every refusal code the rules can give is named in the description', () => {
  const sources = [
    'src/domain/errors.ts',
    'src/domain/validate.ts',
    'src/domain/settlement.ts',
    'mock/platform/platform.ts',
  ]
    .map((f) => fs.readFileSync(path.resolve(__dirname, '../..', f), 'utf8'))
    .join('\n');
  const codes = new Set([...sources.matchAll(/['`]([A-Z][A-Z_]{5,})['`]/g)].map(([, code = '']) => code));
  expect(codes.size).toBeGreaterThan(30);
  expect([...codes].filter((c) => !yaml.includes(c))).toEqual([]);
});

test('every research route and refusal is described too', () => {
  const docs = documented();
  const source = fs.readFileSync(path.resolve(__dirname, '../../mock/server/research/routes.ts'), 'utf8');
  const routes = [...source.matchAll(/app\.(get|post)\('(\/api\/[^']+)'/g)].map(
    ([, m = '', p = '']) => `${m.toUpperCase()} ${p.replace(/:[a-z]+/g, '{}')}`,
  );
  expect(routes.length).toBeGreaterThan(8);
  expect(routes.filter((r) => !docs.has(r))).toEqual([]);
  const codes = new Set([...source.matchAll(/['`]([A-Z][A-Z_]{5,})['`]/g)].map(([, code = '']) => code));
  expect([...codes].filter((c) => !yaml.includes(c))).toEqual([]);
});

test('the document is valid OpenAPI 3.1', async () => {
  const { validate } = await import('@readme/openapi-parser');
  const result = await validate(OPENAPI_FILE);
  expect('errors' in result ? result.errors : []).toEqual([]);
  expect(result.valid).toBe(true);
});

test('the response check catches what the document does not allow', async () => {
  // An undocumented status, a body that breaks the schema, an unknown route that is not ROUTE_NOT_FOUND.
  expect(
    await contractProblems({ method: 'GET', url: '/api/me', status: 418, contentType: 'application/json', body: {} }),
  ).toHaveLength(1);
  expect(
    await contractProblems({
      method: 'GET',
      url: '/api/bindings',
      status: 200,
      contentType: 'application/json',
      body: [{ status: '不存在的状态' }],
    }),
  ).toHaveLength(1);
  expect(
    await contractProblems({ method: 'GET', url: '/api/nope', status: 200, contentType: 'application/json', body: {} }),
  ).toHaveLength(1);
  expect(
    await contractProblems({
      method: 'GET',
      url: '/api/bindings',
      status: 200,
      contentType: 'application/json',
      body: [],
    }),
  ).toEqual([]);
});
