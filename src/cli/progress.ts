/**
 * A progress line on stderr for inputs that take longer than a second to read (a file, or a
 * metrics store asked in parts): only on a terminal, never mixed into JSON output, cleared when
 * reading ends, and narrower than the terminal — a line that wrapped could not be redrawn in
 * place — by shortening the input's name from its start.
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
    private readonly width = 80,
  ) {
    this.start = clock();
  }

  /** `placement: <what> <label><figures>`, the label shortened to keep the line under the width. */
  private draw(what: string, label: string, figures: string): void {
    const head = `placement: ${what} `;
    const room = this.width - 1 - head.length - figures.length;
    const name = label.length <= room ? label : room > 1 ? `…${label.slice(label.length - room + 1)}` : '';
    this.write(`\r\u001b[K${`${head}${name}${figures}`.slice(0, Math.max(0, this.width - 1))}`);
    this.shown = true;
  }

  hook(label: string, size: number | null, bytesRead: () => number): ProgressHook {
    return (rows) => {
      const now = this.clock();
      if (now - this.start < DELAY_MS || now - this.lastDraw < REDRAW_MS) return;
      this.lastDraw = now;
      const mb = bytesRead() / 1e6;
      const share = size ? ` ${Math.min(100, (bytesRead() / size) * 100).toFixed(0)}%` : '';
      this.draw('reading', label, `${share} · ${mb.toFixed(1)} MB · ${rows.toLocaleString('en-US')} rows`);
    };
  }

  /** For a metrics store read in pieces: how many have come in, and the points in them. */
  store(label: string): (done: number, pieces: number, points: number) => void {
    return (done, pieces, points) => {
      const now = this.clock();
      if (now - this.start < DELAY_MS) return;
      this.lastDraw = now;
      this.draw('asking', label, ` · ${done} of ${pieces} parts · ${points.toLocaleString('en-US')} points`);
    };
  }

  done(): void {
    if (this.shown) this.write('\r\u001b[K');
    this.shown = false;
  }
}
