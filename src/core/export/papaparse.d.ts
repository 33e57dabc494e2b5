/**
 * The one papaparse function Factmark uses. Declared here rather than through @types/papaparse, whose
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
  export function unparse(data: { fields: string[]; data: (string | number)[][] }, config?: UnparseConfig): string;
}
