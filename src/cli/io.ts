/** What the CLI needs from the process, passed in so tests can run it in-process. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour for the terminal view: stdout is a TTY and NO_COLOR is not set. */
  colour: boolean;
  /** Progress lines are allowed: stderr is a TTY. */
  progress: boolean;
  /** Questions can be asked: stdin and stdout are a TTY. */
  interactive: boolean;
  /** The instant of the run (the report's generatedAt). */
  now: () => number;
  /** A monotonic clock in ms, for progress timing. */
  clock: () => number;
  version: string;
  /** Columns to lay a terminal view out in: the terminal's, else COLUMNS, else 80. */
  width?: number;
  /** stdout is a terminal: the short view; piped to a file or a program, the full one. */
  stdoutTTY?: boolean;
  /** --verbose: say on stderr what was written (quiet by default: cron mails any output). */
  verbose?: boolean;
  /** The environment a metrics store's credentials are read from (never written anywhere). */
  env?: Readonly<Record<string, string | undefined>>;
}
