/**
 * The workspace index (issue 15): every sidecar's annotations and facts and the entities files in
 * memory, for references, Ctrl+T, search, the view by entity and the CLI's `entities` and `query`.
 * Pure: each host reads its files and feeds the index one document at a time.
 */

export * from './types';
export { indexSidecar, indexModel, offsetsHold } from './build';
export { WorkspaceIndex, inRange, type QueryResult, type SymbolHit } from './workspaceIndex';
export { PathKeys } from './pathKeys';
export { parseSearch, describeQuery, typeName, isDate, SEARCH_FILTERS, type ParsedSearch } from './search';
export { SNAPSHOT_FORMAT, writeSnapshot, snapshotParts, readSnapshot, readSnapshotSteps, planWarmStart, type FileStamp, type StatFile, type SnapshotEntry, type FoundSidecar, type WarmPlan } from './snapshot';
