// fast-check arbitraries drawn from the OpenAPI document's own JSON schemas: values that fit the
// schema, mixed with values that almost fit and values that do not fit at all.
import fc from 'fast-check';

type Schema = Record<string, unknown>;

const json = fc.jsonValue({ maxDepth: 2 });

function fitting(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return json;
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const variants = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (Array.isArray(variants) && variants.length) return fc.oneof(...variants.map((v) => fitting(v, depth + 1)));
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  return fc.oneof(...types.map((t) => ofType(t, schema, depth)));
}

function ofType(type: string | undefined, schema: Schema, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({
        min: typeof schema.minimum === 'number' ? Math.max(schema.minimum, -1e9) : -1e6,
        max: typeof schema.maximum === 'number' ? Math.min(schema.maximum, 1e12) : 1e6,
      });
    case 'number':
      return fc.double({
        min: typeof schema.minimum === 'number' ? schema.minimum : -1e6,
        max: typeof schema.maximum === 'number' ? schema.maximum : 1e6,
        noNaN: true,
      });
    case 'string': {
      if (schema.format === 'date')
        return fc
          .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      if (typeof schema.pattern === 'string') {
        try {
          return fc.stringMatching(new RegExp(schema.pattern, 'u'), { size: 'small' });
        } catch {
          return fc.string();
        }
      }
      return fc.string({
        minLength: typeof schema.minLength === 'number' ? schema.minLength : 0,
        maxLength: typeof schema.maxLength === 'number' ? Math.min(schema.maxLength, 40) : 40,
        unit: 'grapheme',
      });
    }
    case 'array': {
      const items = fitting(schema.items as Schema | undefined, depth + 1);
      return fc.array(items, {
        minLength: typeof schema.minItems === 'number' ? schema.minItems : 0,
        maxLength: Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : 4, 4),
      });
    }
    case 'object':
    case undefined: {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required ?? []) as string[]);
      const keys = Object.keys(props);
      if (!keys.length) return fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 3 });
      return fc.record(Object.fromEntries(keys.map((k) => [k, fitting(props[k], depth + 1)])), {
        requiredKeys: keys.filter((k) => required.has(k)),
      });
    }
    default:
      return json;
  }
}

/** Mostly values that fit (so the rules beyond the schema get exercised), some that do not. */
export function fromSchema(schema: Schema | undefined): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: fitting(schema), weight: 4 }, { arbitrary: json, weight: 1 });
}
