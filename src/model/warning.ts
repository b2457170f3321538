/** Something the user should know that does not stop the analysis; worded in src/report/messages.ts. */
export interface Warning {
  code: string;
  args: Record<string, number | string | boolean | null>;
}
