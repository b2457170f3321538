import { describe, expect, test } from 'vitest';
import { fieldWriter, valueSetter } from '../../../src/model/uncertainty/field-writer.js';

const data = () => ({ a: { b: 1, c: [10, 20], d: { e: 'kept' } }, f: { g: 2 } });
const paths = [
  ['a', 'b'],
  ['a', 'c', 1],
];

describe('putting values at paths in scenario data', () => {
  test('valueSetter copies the objects on the paths, shares the rest, and leaves the data alone', () => {
    const before = data();
    const after = valueSetter(paths)(before, [5, 25]);
    expect(after).toEqual({ a: { b: 5, c: [10, 25], d: { e: 'kept' } }, f: { g: 2 } });
    expect(before).toEqual(data());
    expect(after.f).toBe(before.f);
    expect(after.a.d).toBe(before.a.d);
  });
  test('fieldWriter: one private copy, overwritten round after round; the data is never changed', () => {
    const before = data();
    const write = fieldWriter(before, paths);
    const first = write([5, 25]);
    expect(first).toEqual({ a: { b: 5, c: [10, 25], d: { e: 'kept' } }, f: { g: 2 } });
    const second = write([6, 26]);
    expect(second).toBe(first);
    expect(second.a.b).toBe(6);
    expect(second.a.c).toEqual([10, 26]);
    expect(before).toEqual(data());
    expect(second.a.d).toBe(before.a.d);
  });
});
