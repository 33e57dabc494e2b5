/**
 * Rows of the timeline's drawing: each lane's items stacked so that none hides another at the
 * current zoom, with at most a few rows per lane. A crowded stretch (a date shared by hundreds of
 * articles, a year of daily dates seen from afar) would otherwise stack hundreds of rows that
 * nobody reads and that take seconds to draw: what does not fit is drawn as one count mark per
 * stretch ("312 more"), which lists its entries when clicked; zooming in spreads them out again.
 */
import type { Lane } from './filter';
import type { TimelineItem } from './items';

/** Rows of single items per lane; the row under them holds the counts of what did not fit. */
export const ROWS_PER_LANE = 3;

/** An item on its row. The item is the prototype, not copied: thousands are redrawn on every zoom. */
export interface PackedItem extends TimelineItem {
  /** The row's key: `lane\u0000n` (the y value of the drawing). */
  lane: string;
  /** Where a point is drawn (its middle) or a bar starts. */
  mid: number;
}

/** The entries of a crowded stretch of a lane, drawn as one mark with their count. */
export interface Crowd {
  lane: string;
  /** The lane's name (the group it is in). */
  group: string;
  from: number;
  to: number;
  items: TimelineItem[];
}

export interface Packed {
  rows: PackedItem[];
  crowds: Crowd[];
  /** Every row's key, lane by lane, top to bottom. */
  keys: string[];
}

/** The time a crowd's entries cover: the earliest start and the latest end of its items. */
export function crowdStretch(c: Crowd): { from: number; to: number } {
  // A loop, not Math.min(...): a date shared by 100,000s of entries would overflow the stack.
  let [from, to] = [Infinity, -Infinity];
  for (const i of c.items) [from, to] = [Math.min(from, i.from), Math.max(to, i.to)];
  return { from, to };
}

/** The row key of row `n` of a lane; only row 0 shows the lane's name. */
export function rowKey(lane: string, n: number): string {
  return `${lane}\u0000${n}`;
}

/**
 * Packs each lane's items (in time order) into rows; a point takes `minWidth` of time, the width of
 * its dot at the current zoom. Items that find no free row among the first `rowsPerLane` go to the
 * lane's last row, merged into crowds where they overlap.
 */
export function packLanes(lanes: readonly Lane[], minWidth: number, rowsPerLane = ROWS_PER_LANE): Packed {
  const rows: PackedItem[] = [];
  const crowds: Crowd[] = [];
  const keys: string[] = [];
  for (const lane of lanes) {
    const ends: number[] = [];
    const left: TimelineItem[] = [];
    for (const i of lane.items) {
      const end = Math.max(i.to, i.from + minWidth);
      let n = ends.findIndex((e) => e <= i.from);
      if (n < 0 && ends.length < rowsPerLane) n = ends.push(end) - 1;
      if (n < 0) {
        left.push(i);
        continue;
      }
      ends[n] = end;
      const row = Object.create(i) as PackedItem;
      row.lane = rowKey(lane.name, n);
      row.mid = i.point ? (i.from + i.to) / 2 : i.from;
      rows.push(row);
    }
    ends.forEach((_, n) => keys.push(rowKey(lane.name, n)));
    // A lane with nothing in view (the page packs what is in view) keeps its row, so lanes do not jump while zooming.
    if (!ends.length && !lane.items.length) keys.push(rowKey(lane.name, 0));
    if (!left.length) continue;
    const lastRow = rowKey(lane.name, ends.length);
    keys.push(lastRow);
    const found: Crowd[] = [];
    for (const i of left) {
      const end = Math.max(i.to, i.from + minWidth);
      const crowd = found[found.length - 1];
      // Within a dot's width of the crowd before: the same mark.
      if (crowd && i.from < crowd.to + minWidth) {
        crowd.items.push(i);
        crowd.to = Math.max(crowd.to, end);
      } else found.push({ lane: lastRow, group: lane.name, from: i.from, to: end, items: [i] });
    }
    // A "crowd" of one is drawn as itself: it has the last row's stretch to itself.
    for (const crowd of found) {
      if (crowd.items.length > 1) crowds.push(crowd);
      else {
        const row = Object.create(crowd.items[0]) as PackedItem;
        row.lane = lastRow;
        row.mid = row.point ? (row.from + row.to) / 2 : row.from;
        rows.push(row);
      }
    }
  }
  return { rows, crowds, keys };
}
