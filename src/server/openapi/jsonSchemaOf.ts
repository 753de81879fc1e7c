import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * zod 4's JSON Schema (draft 2020-12, which OpenAPI 3.1 uses) of one schema, with named sub-schemas
 * (`.meta({ id })`) moved out of its `$defs` into the document's components and references rewritten to point
 * there: in an OpenAPI document `#` is the document, not the schema, so `#/$defs/…` would not resolve.
 */
export function componentSchema(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>, selfName?: string): JsonSchema {
  const converted = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  const { $schema: _dialect, $defs, ...rest } = converted;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object') return node;
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        out[key] = value === '#' && selfName ? `#/components/schemas/${selfName}` : value.replace(/^#\/\$defs\//, '#/components/schemas/');
      } else {
        out[key] = rewrite(value);
      }
    }
    return out;
  };
  for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) components[name] = rewrite(def) as JsonSchema;
  return rewrite(rest) as JsonSchema;
}

/** Each property of an object schema on its own (a query string's parameters), as its input form. */
export function propertySchemas(schema: z.ZodObject, components: Record<string, JsonSchema>): { name: string; required: boolean; schema: JsonSchema }[] {
  const whole = componentSchema(schema, 'input', components);
  const properties = (whole.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((whole.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({ name, required: required.has(name), schema: s }));
}
