import type { z } from 'zod';

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional/default/nullable wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else return s;
  }
}

/** The schema that validates the value at `path`, or undefined when the path leaves the schema. */
export function schemaAt(root: z.ZodType, path: ReadonlyArray<PropertyKey>): z.ZodType | undefined {
  let s: z.ZodType | undefined = unwrap(root);
  for (const key of path) {
    if (s === undefined) return undefined;
    const def = defOf(s);
    if (def.type === 'object' && typeof key === 'string') s = def.shape?.[key];
    else if (def.type === 'array') s = def.element;
    else return undefined;
    if (s !== undefined) s = unwrap(s);
  }
  return s;
}

/** The keys an object schema at `path` accepts. */
export function keysAt(root: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  const s = schemaAt(root, path);
  const def = s && defOf(s);
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}
