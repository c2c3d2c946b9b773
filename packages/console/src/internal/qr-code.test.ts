import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrPath } from './qr-code.js';

/** Paints the path's unit squares into an RGBA image, `scale` pixels per module. */
function paint({ size, d }: { size: number; d: string }, scale = 4) {
  const side = size * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [, x, y] of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy += 1) {
      for (let dx = 0; dx < scale; dx += 1) {
        const at = ((Number(y) * scale + dy) * side + Number(x) * scale + dx) * 4;
        pixels.fill(0, at, at + 3);
      }
    }
  }
  return { pixels, side };
}

describe('qrPath', () => {
  it.each(['K7QM3XZD', '0123456789ABCDEF', 'http://127.0.0.1:8787/kiosk/'])(
    'draws a code a reader decodes back to %s',
    (text) => {
      const { pixels, side } = paint(qrPath(text));
      expect(jsQR(pixels, side, side)?.data).toBe(text);
    },
  );

  it('keeps a quiet zone of four modules on every side', () => {
    const { size, d } = qrPath('K7QM3XZD');
    const cells = [...d.matchAll(/M(\d+) (\d+)/g)].flatMap(([, x, y]) => [Number(x), Number(y)]);
    expect(Math.min(...cells)).toBe(4);
    expect(Math.max(...cells)).toBe(size - 5);
  });
});
