/**
 * The one wrapper around inquirer (STYLE.md habit 9): `init` asks through an Asker, so tests and
 * --yes run without a terminal. inquirer is loaded only when a question is really asked.
 */
export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export interface Asker {
  select<T>(message: string, choices: Choice<T>[], fallback: T): Promise<T>;
  input(message: string, fallback: string): Promise<string>;
  /** `fraction`: any number in the range (a price, a share); otherwise a whole number. */
  number(message: string, fallback: number, min?: number, max?: number, fraction?: boolean): Promise<number>;
  confirm(message: string, fallback: boolean): Promise<boolean>;
}

/** Every question answered with its default (--yes). */
export const defaultsAsker: Asker = {
  select: async (_m, _c, fallback) => fallback,
  input: async (_m, fallback) => fallback,
  number: async (_m, fallback) => fallback,
  confirm: async (_m, fallback) => fallback,
};

export async function inquirerAsker(): Promise<Asker> {
  const p = await import('@inquirer/prompts');
  return {
    select: (message, choices, fallback) => p.select({ message, choices, default: fallback }),
    input: (message, fallback) => p.input({ message, default: fallback }),
    // inquirer accepts only whole steps unless told otherwise: 0.55 would be refused.
    number: async (message, fallback, min, max, fraction = false) =>
      (await p.number({ message, default: fallback, min, max, required: true, step: fraction ? 'any' : 1 })) ??
      fallback,
    confirm: (message, fallback) => p.confirm({ message, default: fallback }),
  };
}

/** inquirer's error for Ctrl-C. */
export const isCancel = (err: unknown): boolean => err instanceof Error && err.name === 'ExitPromptError';
