/**
 * The papaparse functions Factmark uses (unparse to write, parse in tests). Declared here rather than through @types/papaparse, whose
 * typings pull in Node's types and would defeat src/core's browser-only type check.
 */
declare module 'papaparse' {
  export interface UnparseConfig {
    quotes?: boolean | boolean[];
    delimiter?: string;
    newline?: string;
    header?: boolean;
    escapeFormulae?: boolean | RegExp;
  }
  export function parse(input: string, config?: { header?: boolean; skipEmptyLines?: boolean }): { data: unknown[]; errors: { message: string }[] };
  export function unparse(data: { fields: string[]; data: (string | number)[][] }, config?: UnparseConfig): string;
}
