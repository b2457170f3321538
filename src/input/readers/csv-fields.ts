/** A field of a CSV line and the 1-based column where its value starts (after any spaces). */
export interface Field {
  value: string;
  column: number;
}

/**
 * Split one line on `delimiter`, trimming spaces and one pair of surrounding double quotes.
 * Quoted fields that contain the delimiter are honoured; "" inside quotes is a quote.
 */
export function splitFields(line: string, delimiter = ','): Field[] {
  const fields: Field[] = [];
  let i = 0;
  while (i <= line.length) {
    let value = '';
    while (i < line.length && line[i] === ' ') i++;
    const start = i;
    if (line[i] === '"') {
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      while (i < line.length && line[i] !== delimiter) i++;
    } else {
      while (i < line.length && line[i] !== delimiter) value += line[i++];
      value = value.trim();
    }
    fields.push({ value, column: start + 1 });
    i++;
  }
  return fields;
}

/** Index of the first header cell matching `pattern`, or -1. */
export function findColumn(header: ReadonlyArray<Field>, pattern: RegExp): number {
  return header.findIndex((f) => pattern.test(f.value));
}
