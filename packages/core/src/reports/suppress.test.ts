import { describe, expect, it } from 'vitest';
import { determinedCells, suppressCells } from './suppress.js';

const sum = (total: number, parts: number[], complements = [parts]) => ({
  total,
  parts,
  complements,
});

describe('suppressCells', () => {
  it('suppresses counts from 1 to 4 and publishes a zero', () => {
    expect(suppressCells([0, 1, 4, 5, 120], [], 5)).toEqual([false, true, true, false, false]);
  });

  it('never hides a zero to protect another cell', () => {
    // 12 = 3 + 0 + 9: the 0 stays, and 9 goes with the 3.
    expect(suppressCells([12, 3, 0, 9], [sum(0, [1, 2, 3])], 5)).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });

  it('hides one more cell when two hidden cells of a sum could only be 1 each', () => {
    // 7 = 5 + a + b + 0. Two cells are hidden, which was enough while zeros were hidden too; now
    // a reader knows a and b are at least 1, and 7 − 5 = 2 leaves 1 each.
    const values = [7, 5, 1, 1, 0];
    const sums = [sum(0, [1, 2, 3, 4])];
    expect(determinedCells(values, [false, false, true, true, false], sums)).toEqual([2, 3]);
    expect(suppressCells(values, sums, 5)).toEqual([false, true, true, true, false]);
    expect(determinedCells(values, [false, true, true, true, false], sums)).toEqual([]);
  });

  it('looks for a complement in the sums linked through hidden cells when its own have none', () => {
    // a + b = T and T + d + c = G: a, b, T and d are small, and 9 − 6 leaves T + d = 3 with
    // T = a + b ≥ 2: all four are pinned. T's own sum has nothing left to hide; the sum it is
    // linked to through T has c.
    const values = [1, 1, 2, 1, 6, 9]; // a, b, T, d, c, G
    const sums = [sum(2, [0, 1], [[0, 1, 2]]), sum(5, [2, 3, 4], [[4]])];
    expect(determinedCells(values, [true, true, true, true, false, false], sums)).toEqual([
      0, 1, 2, 3,
    ]);
    expect(suppressCells(values, sums, 5)).toEqual([true, true, true, true, true, false]);
  });

  it('looks beyond the sums of a pinned cell, and hides the all row when nothing else is left', () => {
    // Five groups with 1 each and 5 in all: every group is hidden, and a reader who knows each
    // is at least 1 knows each is exactly 1. No group is left to hide, so the total goes.
    const values = [5, 1, 1, 1, 1, 1];
    const groups = [1, 2, 3, 4, 5];
    const sums = [{ total: 0, parts: groups, complements: [groups] }];
    expect(suppressCells(values, sums, 5)).toEqual([true, true, true, true, true, true]);
    // With a sixth group of 7, that one is hidden instead and the total stays.
    expect(suppressCells([12, 1, 1, 1, 1, 1, 7], [sum(0, [1, 2, 3, 4, 5, 6])], 5)).toEqual([
      false,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('suppresses the smallest other part when one part alone would be given away', () => {
    // 20 = 3 + 9 + 8: 3 is too small; 8 goes with it, else 20 − 9 − 8 = 3.
    expect(suppressCells([20, 3, 9, 8], [sum(0, [1, 2, 3])], 5)).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });

  it('leaves a sum alone that already hides two cells, or none', () => {
    expect(suppressCells([20, 3, 2, 15], [sum(0, [1, 2, 3])], 5)).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(suppressCells([20, 5, 15], [sum(0, [1, 2])], 5)).toEqual([false, false, false]);
  });

  it('follows a suppression into the sums it touches', () => {
    // Two rows (a, b) and their column totals; a's 2 takes a's 6, which takes b's 7 in column two,
    // which takes b's 8 in row b.
    const values = [8, 6, 14, 9, 7, 16, 17, 13, 30];
    // rows: [0,1 → 2], [3,4 → 5]; columns: [0,3 → 6], [1,4 → 7]; total [6,7 → 8], [2,5 → 8]
    values[0] = 2;
    values[2] = 8;
    values[6] = 11;
    values[8] = 24;
    const sums = [
      sum(2, [0, 1]),
      sum(5, [3, 4]),
      sum(6, [0, 3]),
      sum(7, [1, 4]),
      sum(8, [6, 7]),
      sum(8, [2, 5]),
    ];
    const hidden = suppressCells(values, sums, 5);
    for (const s of sums) {
      const count = [s.total, ...s.parts].filter((cell) => hidden[cell]).length;
      expect(count === 0 || count >= 2).toBe(true);
    }
    expect(hidden[0]).toBe(true);
  });

  it('prefers the first complement group, then any other member', () => {
    expect(suppressCells([12, 3, 9], [sum(0, [1, 2], [[]])], 5)).toEqual([false, true, true]);
    expect(suppressCells([12, 3, 9], [{ total: 0, parts: [1, 2], complements: [[0]] }], 5)).toEqual(
      [true, true, false],
    );
  });
});
