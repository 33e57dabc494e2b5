/**
 * A lock file beside a target, taken by every Factmark writer (the extension, the CLI, its worker
 * threads) around "re-read, compare, replace". Without it two writers that read the same sidecar
 * both replace it and the first one's change is lost (issue 11, item 1: 22 of 4,199 confirmed
 * annotations lost to a concurrent `annotate`).
 *
 * The lock is `.<name>.lock`, created exclusively, holding `<pid> <time> <token>`. A lock whose process is
 * gone, or older than {@link STALE_LOCK_MS} (a write takes milliseconds), is taken over; only the
 * lock judged stale is removed, never one that replaced it meanwhile ({@link takeOver}). No Node
 * import: the file operations come from the host ({@link AtomicFs}).
 */
import type { AtomicFs } from './atomicWrite';

/** A lock held longer than this is taken over whatever its pid says (a writer that hangs, a reused pid). */
export const STALE_LOCK_MS = 30_000;
/** How long a writer waits for a live lock before giving up with an error. */
export const LOCK_WAIT_MS = 15_000;
/** After this long waiting for a live lock, a writer says so once (`onWait`): a batch run that seems stuck is waiting for VS Code or another run. */
export const LOCK_NOTICE_MS = 1_000;

/** The lock file of `name` in `folder`. */
export function lockName(name: string): string {
  return `.${name}.lock`;
}

/**
 * Takes the lock of `target` (a real path), waiting for another writer if needed; returns the release
 * function. `onWait` is called once, with the lock's full path (the caller shortens it), when the wait
 * passes {@link LOCK_NOTICE_MS}.
 */
export async function acquireLock(fs: AtomicFs, folder: string, name: string, pid: number, onWait?: (lock: string) => void): Promise<() => Promise<void>> {
  const lock = fs.join(folder, lockName(name));
  // (A token after the pid and time, which readers before it ignore: each holder knows its own lock.)
  const content = `${pid} ${Date.now()} ${Math.random().toString(36).slice(2, 10)}`;
  const started = Date.now();
  let told = false;
  for (let attempt = 0; ; attempt++) {
    if (await create(fs, lock, content)) {
      return () => release(fs, lock, content);
    }
    const judged = await stale(fs, lock);
    if (judged !== undefined && (await takeOver(fs, lock, judged, pid).catch(() => false))) continue;
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw new Error(`another writer holds ${lockName(name)} (for more than ${LOCK_WAIT_MS / 1000} s); nothing was written`);
    }
    if (!told && onWait && Date.now() - started > LOCK_NOTICE_MS) {
      told = true;
      onWait(lock);
    }
    // Short waits first: a sidecar write takes a few milliseconds.
    await new Promise((r) => setTimeout(r, Math.min(2 + attempt * 3, 50) * (0.5 + Math.random())));
  }
}

/**
 * Removes the lock if it is still this holder's: one taken over meanwhile (its holder seemed gone)
 * is the new holder's, and removing it let a third writer in beside that one.
 */
async function release(fs: AtomicFs, lock: string, content: string): Promise<void> {
  const now = fs.read ? await fs.read(lock).catch(() => undefined) : undefined;
  if (now !== undefined && new TextDecoder().decode(now) !== content) return;
  await fs.remove(lock).catch(() => undefined);
}

/**
 * Removes a lock judged stale (`judged`, its content), if it still is that lock; true when it is
 * gone, so that the caller tries to take the lock at once. Reading and then removing it left a
 * moment in which another writer could replace it: two writers that found one killed writer's lock
 * stale both removed "it", the second one the first's new, live lock, and both held the lock and
 * replaced the file. So a writer takes over a stale lock only while holding a second lock, the
 * take-over's (created as the lock is, exclusively): of writers racing over one stale lock, one
 * removes it, and the others, once they hold the take-over lock, find the new holder's lock and
 * wait. (A holder's lock is never moved: a holder finds it where it left it.) Left: a holder that
 * releases its lock after holding it past {@link STALE_LOCK_MS}, between a take-over's read and
 * removal, loses the lock that the next writer created right after.
 */
async function takeOver(fs: AtomicFs, lock: string, judged: string, pid: number): Promise<boolean> {
  if (!fs.read) {
    // Hosts that cannot read (none of Factmark's own): remove, as before.
    await fs.remove(lock);
    return true;
  }
  const guard = lock.replace(/\.lock$/, '.takeover.lock');
  if (!(await create(fs, guard, `${pid} ${Date.now()}`))) {
    // Another writer is taking the lock over; one killed while doing it left this for good.
    const held = await readLock(fs, guard);
    if (held?.time !== undefined && Date.now() - held.time > TAKEOVER_STALE_MS) await fs.remove(guard);
    return false;
  }
  try {
    const now = await fs.read(lock);
    if (now === undefined) return true;
    if (new TextDecoder().decode(now) !== judged) return false;
    await fs.remove(lock);
    return true;
  } finally {
    await fs.remove(guard).catch(() => undefined);
  }
}

/** The pid a lock's content names (0 when it names none). */
function pid(content: string): number {
  const value = Number(content.split(' ')[0]);
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/** A take-over lock older than this was left by a writer killed while taking a lock over (which takes milliseconds). */
const TAKEOVER_STALE_MS = 5_000;

/** Creates the lock file; false when it exists already. */
async function create(fs: AtomicFs, lock: string, content: string): Promise<boolean> {
  const bytes = new TextEncoder().encode(content);
  if (fs.createExclusive) return fs.createExclusive(lock, bytes);
  // Hosts without an exclusive create (some virtual file systems): check, then write; best effort.
  if (fs.read && (await fs.read(lock)) !== undefined) return false;
  await fs.writeNew(lock, bytes);
  return true;
}

/** The lock's content when its holder is gone or has held it too long (the lock to take over), else undefined. */
async function stale(fs: AtomicFs, lock: string): Promise<string | undefined> {
  const first = await readLock(fs, lock);
  if (first === undefined) return undefined; // released meanwhile: try again at once
  if (first.time === undefined) {
    // Its writer writes the content right after creating the file: still empty a moment later, it was
    // killed in between.
    await new Promise((r) => setTimeout(r, 200));
    const again = await readLock(fs, lock);
    return again !== undefined && again.time === undefined && again.text === first.text ? again.text : undefined;
  }
  if (Date.now() - first.time > STALE_LOCK_MS) return first.text;
  return first.pid > 0 && (await fs.abandoned(lock, first.pid)) ? first.text : undefined;
}

async function readLock(fs: AtomicFs, lock: string): Promise<{ text: string; pid: number; time?: number } | undefined> {
  const bytes = fs.read ? await fs.read(lock).catch(() => undefined) : undefined;
  if (bytes === undefined) return undefined;
  const text = new TextDecoder().decode(bytes);
  const time = Number(text.split(' ')[1]);
  return Number.isFinite(time) && time > 0 ? { text, pid: pid(text), time } : { text, pid: 0 };
}
