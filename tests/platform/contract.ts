// mock/openapi.yaml as the contract: every answer a platform test gets is checked against it (its
// status must be listed for the operation, its JSON body must fit the schema).
import path from 'path';
import { dereference } from '@readme/openapi-parser';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export const OPENAPI_FILE = path.resolve(__dirname, '../../mock/openapi.yaml');

type Schema = Record<string, unknown>;
interface ResponseObject {
  content?: Record<string, { schema?: Schema }>;
}
interface OperationObject {
  responses: Record<string, ResponseObject>;
  parameters?: { name: string; in: string; schema?: Schema; required?: boolean }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
}
export interface Doc {
  paths: Record<string, Record<string, OperationObject>>;
  'x-every-route'?: Record<string, ResponseObject>;
  'x-in-research-session'?: Record<string, ResponseObject>;
}

let loaded: Promise<Doc> | undefined;
export const openapi = (): Promise<Doc> => (loaded ??= dereference(OPENAPI_FILE) as unknown as Promise<Doc>);

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = new WeakMap<Schema, ValidateFunction>();
const validatorOf = (schema: Schema) => {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  return v;
};

/** The documented path a concrete one belongs to; a literal segment beats a {parameter}. */
export function matchPath(doc: Doc, concrete: string): string | undefined {
  const segments = concrete.split('/');
  let best: { path: string; params: number } | undefined;
  for (const p of Object.keys(doc.paths)) {
    const parts = p.split('/');
    if (parts.length !== segments.length) continue;
    let params = 0;
    const fits = parts.every((part, i) => {
      if (/^\{.+\}$/.test(part)) {
        params++;
        return true;
      }
      return part === segments[i];
    });
    if (fits && (!best || params < best.params)) best = { path: p, params };
  }
  return best?.path;
}

export interface Exchange {
  method: string;
  url: string;
  status: number;
  contentType: string;
  body: unknown;
  inResearchSession?: boolean;
}

/** What in an answer breaks the document; an empty list when it fits. */
export async function contractProblems(x: Exchange): Promise<string[]> {
  const doc = await openapi();
  const where = `${x.method} ${x.url} → ${x.status}`;
  // What the server sees: fetch resolves "." and ".." segments before sending.
  const pathOnly = new URL(x.url, 'http://platform').pathname;
  let decoded = pathOnly;
  try {
    decoded = decodeURIComponent(pathOnly);
  } catch {
    /* a bad escape: refused as malformed, below */
  }
  const documented = matchPath(doc, pathOnly);
  const op = documented ? doc.paths[documented]?.[x.method.toLowerCase()] : undefined;
  const code = (x.body as { code?: unknown } | null)?.code;
  const response: ResponseObject | undefined =
    op?.responses[String(x.status)] ??
    doc['x-every-route']?.[String(x.status)] ??
    (x.inResearchSession ? doc['x-in-research-session']?.[String(x.status)] : undefined);
  if (!op) {
    // Unknown routes and methods, and URLs that cannot be read, have one answer each.
    if (x.status === 404 && code === 'ROUTE_NOT_FOUND') return [];
    if (x.status === 400 && code === 'MALFORMED_REQUEST' && decoded === pathOnly && /%/.test(pathOnly)) return [];
    if (!response) return [`${where}: no such operation in the document, and not a ROUTE_NOT_FOUND (code ${code})`];
  }
  if (!response) return [`${where}: status not listed for ${x.method} ${documented} (code ${String(code)})`];
  const media = x.contentType.split(';')[0]?.trim() ?? '';
  const schema = response.content?.[media]?.schema;
  if (response.content && !response.content[media] && x.status < 400)
    return [`${where}: content type ${media} not documented`];
  if (!schema || media !== 'application/json') return [];
  const validate = validatorOf(schema);
  if (validate(x.body)) return [];
  return [`${where}: body does not fit the schema: ${ajv.errorsText(validate.errors)}`];
}
