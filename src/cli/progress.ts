/**
 * A progress line on stderr for inputs that take longer than a second to read (a file, or a
 * metrics store asked in parts): only on a terminal, never mixed into JSON output, cleared when
 * reading ends.
 */
import type { ProgressHook } from '../input/readers/row-reader.js';

const DELAY_MS = 1000;
const REDRAW_MS = 100;

export class ProgressLine {
  private shown = false;
  private lastDraw = -Infinity;
  private readonly start: number;

  constructor(
    private readonly write: (text: string) => void,
    private readonly clock: () => number,
  ) {
    this.start = clock();
  }

  hook(label: string, size: number | null, bytesRead: () => number): ProgressHook {
    return (rows) => {
      const now = this.clock();
      if (now - this.start < DELAY_MS || now - this.lastDraw < REDRAW_MS) return;
      this.lastDraw = now;
      const mb = bytesRead() / 1e6;
      const share = size ? ` ${Math.min(100, (bytesRead() / size) * 100).toFixed(0)}%` : '';
      this.write(
        `\r\u001b[Kplacement: reading ${label}${share} · ${mb.toFixed(1)} MB · ${rows.toLocaleString('en-US')} rows`,
      );
      this.shown = true;
    };
  }

  /** For a metrics store read in pieces: how many have come in, and the points in them. */
  store(label: string): (done: number, pieces: number, points: number) => void {
    return (done, pieces, points) => {
      const now = this.clock();
      if (now - this.start < DELAY_MS) return;
      this.lastDraw = now;
      this.write(
        `\r\u001b[Kplacement: asking ${label} · ${done} of ${pieces} parts · ${points.toLocaleString('en-US')} points`,
      );
      this.shown = true;
    };
  }

  done(): void {
    if (this.shown) this.write('\r\u001b[K');
    this.shown = false;
  }
}
