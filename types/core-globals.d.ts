// The web-standard globals every host of src/core has (browsers, web workers, Node), declared for
// `tsc -p src/core`, which compiles the core without DOM or Node types so that no other host API
// slips in. Only what the core uses is declared.
declare function setTimeout(handler: (...args: never[]) => void, ms?: number): unknown;
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
