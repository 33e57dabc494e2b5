/**
 * The workspace's entities (`factmark.entities.yaml`, ENTITIES.md): the file model, safe parsing
 * with located diagnostics, comment-keeping writing, edits (add, rename, merge, split), and link
 * proposals with evidence. Pure: strings and data in, data out.
 */

export * from './types';
export { parseEntities, ENTITIES_SCHEMA } from './parse';
export { writeEntities, EntitiesNotWritableError, compareEntities } from './write';
export { addEntity, addAlias, renameEntity, mergeEntities, splitEntity, unknownLinks, type MergeOutcome, type UnknownLink } from './edit';
export { proposeLinks, proposeEntities, candidateFor, type MentionRef, type Candidate, type LinkProposal, type EntityProposal } from './propose';
export { matchName, normalizeName, stripTitles, initialsOf, looksLikeInitials, type NameMatch } from './names';
export { outlineOf, type OutlineItem } from './outline';
