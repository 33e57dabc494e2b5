/**
 * What the web scenario's bundle puts in place of Node's `fs` and `path`: nothing. The shared test
 * helpers import them for functions the web suite does not call (copying fixtures on the disk).
 */
export {};
