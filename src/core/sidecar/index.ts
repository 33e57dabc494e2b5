/**
 * The sidecar file: format v1 (FORMAT.md, schema.json), safe parsing with located diagnostics,
 * lossless in-place writing, content hashes and a three-way merge. Pure: strings in, strings out.
 */

export * from './types';
export { parseSidecar, parseWithNodesSteps, MAX_SIDECAR_LENGTH, YAML_OPTIONS } from './parse';
export { writeSidecar, writeSidecarSteps, SidecarNotWritableError } from './write';
export { emitSidecar, emitSidecarSteps } from './emit';
export { buildSidecarData, buildSidecarDataSteps, type SidecarInput } from './build';
export { mergeSidecars, mergeSidecarsSteps, type MergeConflict, type MergeResult } from './merge';
export { contentHash, documentFingerprint, fingerprintMatches, gitBlobOfBytes, gitBlobSha1, utf8Bytes } from './hash';
export { sidecarPathFor, documentPathFor, isSidecarPath, sidecarCopiedAs, SIDECAR_SUFFIX } from './paths';
export { validateShape, SIDECAR_SCHEMA, type ShapeError } from './validate';
export { fingerprintData, fingerprintDataSteps } from './canonical';
export { loadAnnotations, type LoadedAnnotations } from './load';
export { relocatedDiagnostics, RELOCATED_CODE } from './relocated';
export { updateSidecar } from './update';
