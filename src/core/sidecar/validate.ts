/** Checks sidecar data against the published JSON Schema (schema.json) with ajv. */

import Ajv, { type ValidateFunction } from 'ajv';
import schema from './schema.json';

/** One schema violation, located by its path in the data. */
export interface ShapeError {
  path: (string | number)[];
  message: string;
  /** True when a required key is missing (the path is then its parent). */
  missing: boolean;
}

let validator: ValidateFunction | undefined;

/** The published schema, as an object (for tests and for tooling). */
export const SIDECAR_SCHEMA: object = schema;

/** Validate parsed data; returns every violation (empty when valid). */
export function validateShape(data: unknown): ShapeError[] {
  // Compiled once, on first use: compilation costs a few milliseconds.
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (validator(data)) return [];
  return (validator.errors ?? []).map((e) => {
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const missing = e.keyword === 'required';
    let message = e.message ?? 'invalid';
    if (missing) message = `missing required key "${(e.params as { missingProperty: string }).missingProperty}"`;
    else if (e.keyword === 'enum') message += ': ' + (e.params as { allowedValues: unknown[] }).allowedValues.join(', ');
    else if (e.keyword === 'const') message += ' ' + JSON.stringify((e.params as { allowedValue: unknown }).allowedValue);
    return { path, message, missing };
  });
}
