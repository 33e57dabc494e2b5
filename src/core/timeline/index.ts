/** The timeline of dated facts and mentions (issue 16): extents, items, filters and lanes. */
export { anchoredDuration, extentOf, isPlaced, isPoint, isoDay, type Extent, type Precision } from './extent';
export { buildTimeline, documentTimeline, timelineSteps, type Timeline, type TimelineDocument, type TimelineEntry, type TimelineItem, type UnplacedEntry } from './items';
export { NO_ENTITY, dateRange, entryFilter, facets, filterTimeline, groupTimeline, matchesText, type Lane, type TimelineFilter, type TimelineGrouping } from './filter';
export { pictureDocumentOf, type Contexts, type IndexedPictureDocument } from './fromIndex';
export { crowdStretch, packLanes, rowKey, ROWS_PER_LANE, type Crowd, type Packed, type PackedItem } from './pack';
export { LIST_LIMIT, listQueryOf, pageOf, sameList, type ListPage, type ListQuery } from './lists';
export { timelineList, timelineView, type TimelineView } from './view';
