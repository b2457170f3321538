/**
 * Files read through Node's callback API instead of fs/promises: loading the promises module
 * loads streams, readline and the file watchers with it (about 3 ms of every start), and a run
 * that reads a scenario and a history needs none of them.
 */
import { close, open, read, stat, type Stats } from 'node:fs';

/** An open file read at positions (null: from where the last read ended). */
export interface ReadHandle {
  /** Bytes read into `buffer` at `offset`; 0 at the end. */
  read(buffer: Uint8Array, offset: number, length: number, position: number | null): Promise<number>;
  close(): Promise<void>;
}

export function openForReading(path: string): Promise<ReadHandle> {
  return new Promise((resolve, reject) =>
    open(path, 'r', (err, fd) => {
      if (err) reject(err);
      else resolve(handleOf(fd));
    }),
  );
}

function handleOf(fd: number): ReadHandle {
  return {
    read: (buffer, offset, length, position) =>
      new Promise((resolve, reject) =>
        read(fd, buffer, offset, length, position, (err, bytesRead) => (err ? reject(err) : resolve(bytesRead))),
      ),
    close: () => new Promise((resolve, reject) => close(fd, (err) => (err ? reject(err) : resolve()))),
  };
}

export function statOf(path: string): Promise<Stats> {
  return new Promise((resolve, reject) => stat(path, (err, s) => (err ? reject(err) : resolve(s))));
}
