import { randomBytes } from 'node:crypto';
// fs.promises on first use: loading it loads streams and readline, which a run that writes
// nothing to a file never needs.
import { promises as fsp } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeWriteError, InputError } from '../errors.js';

function writeFailure(err: unknown, path: string, field: string): unknown {
  const message = describeWriteError(err);
  return message === null ? err : new InputError({ file: path, field, message });
}

/** Takes back what a commit step added. */
export type Undo = () => Promise<void>;

interface Staged {
  /** Where the bytes go: the path named, or the file a symbolic link there points to. */
  path: string;
  field: string;
  text: string;
  /** The finished copy beside a regular file, renamed over it at commit; null for a device or FIFO. */
  temp: string | null;
}

/**
 * The files one run writes, committed together: each is first written whole to a temporary file
 * beside its destination (a full disk or a missing folder fails here, before anything the user
 * has is touched), then all are renamed into place. A device or FIFO named as an output (
 * /dev/null, /dev/stdout, a pipe) is written into at commit, never replaced by a regular file;
 * a symbolic link keeps pointing where it did, and the file it points to gets the new content.
 * Appends (a history line) run at commit between the two, and are undone if a rename fails.
 */
export class OutputBatch {
  private readonly staged: Staged[] = [];
  private readonly appends: Array<() => Promise<Undo>> = [];

  async stage(named: string, text: string, field = '--out'): Promise<void> {
    let kind: 'absent' | 'file' | 'directory' | 'special' = 'absent';
    let path = named;
    try {
      const s = await fsp.stat(named);
      kind = s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'special';
      if (kind === 'file') path = await fsp.realpath(named);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw writeFailure(err, named, field);
    }
    if (kind === 'directory') throw new InputError({ file: named, field, message: 'is a directory; name a file' });
    if (kind === 'special') {
      this.staged.push({ path, field, text, temp: null });
      return;
    }
    await removeOrphans(path);
    const temp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    this.staged.push({ path, field, text, temp });
    try {
      // Synced before it is renamed into place: after a power cut the name holds the old
      // content or the new, never an empty file.
      const handle = await fsp.open(temp, 'wx');
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (err) {
      await this.abort();
      throw writeFailure(err, path, field);
    }
  }

  /**
   * A step of the commit that adds to a file rather than replacing it; it returns how to take
   * its addition back.
   */
  append(step: () => Promise<Undo>): void {
    this.appends.push(step);
  }

  /**
   * Put every output in place: devices and FIFOs first (a write into them cannot be taken back,
   * and /dev/full fails here), then the appends, then the renames, which do not fail for want of
   * space. A failure leaves the regular files as they were.
   */
  async commit(): Promise<void> {
    const undo: Undo[] = [];
    const failed = async (err: unknown, s?: Staged): Promise<never> => {
      for (const u of undo.reverse()) await u().catch(() => undefined);
      await this.abort();
      throw s === undefined ? err : writeFailure(err, s.path, s.field);
    };
    for (const s of this.staged.filter((x) => x.temp === null)) {
      await fsp.writeFile(s.path, s.text).catch((err: unknown) => failed(err, s));
    }
    for (const step of this.appends) {
      undo.push(await step().catch((err: unknown) => failed(err)));
    }
    for (const s of this.staged) {
      if (s.temp !== null) await fsp.rename(s.temp, s.path).catch((err: unknown) => failed(err, s));
    }
    this.staged.length = 0;
    this.appends.length = 0;
  }

  /** Remove whatever was staged and not yet committed; the user's files stay as they were. */
  async abort(): Promise<void> {
    const temps = this.staged.flatMap((s) => (s.temp === null ? [] : [s.temp]));
    this.staged.length = 0;
    this.appends.length = 0;
    await Promise.all(temps.map((t) => fsp.rm(t, { force: true })));
  }
}

/**
 * Temporary copies of `path` left by a run that was killed between writing and renaming: ours
 * by their name, and orphaned when the process that made them is gone. Removed before a new one
 * is made, so killed runs do not pile up hidden files; a live run's copy is left alone.
 */
async function removeOrphans(path: string): Promise<void> {
  const prefix = `.${basename(path)}.tmp-`;
  let names: string[];
  try {
    names = await fsp.readdir(dirname(path));
  } catch {
    return; // the folder's own problem is reported by the write
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-[0-9a-f]{8}$/.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    await fsp.rm(join(dirname(path), name), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // someone else's process: alive
  }
}

/** Write one file the user named, whole or not at all (see OutputBatch). */
export async function writeFileAtomic(path: string, text: string, field = '--out'): Promise<void> {
  const batch = new OutputBatch();
  await batch.stage(path, text, field);
  await batch.commit();
}
