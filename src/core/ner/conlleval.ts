/**
 * Exact-span chunk scoring with the semantics of the CoNLL shared-task script `conlleval`:
 * a chunk counts as correct only when its type, first token and last token all match.
 * Accepts IOB1 (CoNLL-2003), IOB2 and BILOU/IOBES tag sequences.
 */

/** A typed chunk over token indices [start, end). */
export interface Chunk {
  type: string;
  start: number;
  end: number;
}

function split(tag: string): [string, string] {
  if (tag === 'O' || tag === '' || tag === '-X-') return ['O', ''];
  const dash = tag.indexOf('-');
  return dash < 0 ? [tag, ''] : [tag.slice(0, dash), tag.slice(dash + 1)];
}

// conlleval's startOfChunk / endOfChunk rules, extended with BILOU's U and L like the script's E and S.
function starts(prevPrefix: string, prevType: string, prefix: string, type: string): boolean {
  if (prefix === 'B' || prefix === 'S' || prefix === 'U') return true;
  if (prefix === 'O') return false;
  if (prevPrefix === 'O' || prevPrefix === 'E' || prevPrefix === 'L' || prevPrefix === 'S' || prevPrefix === 'U') return true;
  return prevType !== type;
}

function ends(prevPrefix: string, prevType: string, prefix: string, type: string): boolean {
  if (prevPrefix === 'O') return false;
  if (prevPrefix === 'E' || prevPrefix === 'L' || prevPrefix === 'S' || prevPrefix === 'U') return true;
  if (prefix === 'B' || prefix === 'S' || prefix === 'U' || prefix === 'O') return true;
  return prevType !== type;
}

/** Chunks of one sentence's tag sequence, in order. */
export function chunksFromTags(tags: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let prevPrefix = 'O';
  let prevType = '';
  let open: Chunk | undefined;
  for (let i = 0; i <= tags.length; i++) {
    const [prefix, type] = i < tags.length ? split(tags[i]) : ['O', ''];
    if (open && ends(prevPrefix, prevType, prefix, type)) {
      open.end = i;
      chunks.push(open);
      open = undefined;
    }
    if (prefix !== 'O' && starts(prevPrefix, prevType, prefix, type)) open = { type, start: i, end: i };
    prevPrefix = prefix;
    prevType = type;
  }
  return chunks;
}

/** Precision, recall and F1 (as fractions, 0..1) with the counts behind them. */
export interface Score {
  precision: number;
  recall: number;
  f1: number;
  correct: number;
  predicted: number;
  gold: number;
}

function score(correct: number, predicted: number, gold: number): Score {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, correct, predicted, gold };
}

/** Accumulates chunk counts over many sentences, per type and overall. */
export class ChunkScorer {
  private readonly counts = new Map<string, [number, number, number]>();

  /** Adds one sentence (or any unit) given as gold and predicted chunk lists. */
  addChunks(gold: readonly Chunk[], predicted: readonly Chunk[]): void {
    const key = (c: Chunk) => `${c.type}\u0000${c.start}\u0000${c.end}`;
    const goldKeys = new Set(gold.map(key));
    for (const c of gold) this.count(c.type)[2]++;
    for (const c of predicted) {
      const entry = this.count(c.type);
      entry[1]++;
      if (goldKeys.has(key(c))) entry[0]++;
    }
  }

  /** Adds one sentence given as gold and predicted tag sequences of equal length. */
  addTags(gold: readonly string[], predicted: readonly string[]): void {
    if (gold.length !== predicted.length) throw new Error(`tag sequences differ in length: ${gold.length} vs ${predicted.length}`);
    this.addChunks(chunksFromTags(gold), chunksFromTags(predicted));
  }

  /** Scores per type (sorted by name), and micro-averaged over `types` (all types when omitted). */
  result(types?: readonly string[]): { overall: Score; byType: Map<string, Score> } {
    const byType = new Map<string, Score>();
    let correct = 0;
    let predicted = 0;
    let gold = 0;
    for (const type of [...this.counts.keys()].sort()) {
      const [c, p, g] = this.counts.get(type)!;
      byType.set(type, score(c, p, g));
      if (!types || types.includes(type)) {
        correct += c;
        predicted += p;
        gold += g;
      }
    }
    return { overall: score(correct, predicted, gold), byType };
  }

  private count(type: string): [number, number, number] {
    let entry = this.counts.get(type);
    if (!entry) this.counts.set(type, (entry = [0, 0, 0]));
    return entry;
  }
}
