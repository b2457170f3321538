import type { Comparator } from '../model/verdict/check.js';

/** Comparators as people write them. */
export const COMPARATOR_SIGN: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

/** Option ids as table headings. */
export const OPTION_LABEL: Record<string, string> = {
  cloud: 'cloud',
  dedicated: 'dedicated',
  reserved: 'reserved',
  onprem: 'on-prem',
  edge: 'edge',
};
