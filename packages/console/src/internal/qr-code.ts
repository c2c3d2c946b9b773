import { svg, type SVGTemplateResult } from 'lit';
import { encode } from 'uqr';

/**
 * A QR code as inline SVG: one path of dark modules on a white square with the quiet zone the
 * standard asks for, so it scans from a screen. `label` names it for screen readers.
 *
 * @example
 * html`<div class="qr">${qrCode('K7M2Q9TX', 'QR code with the one-time code')}</div>`;
 */
export function qrCode(text: string, label: string): SVGTemplateResult {
  const { size, d } = qrPath(text);
  return svg`<svg
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 ${size} ${size}"
    role="img"
    aria-label=${label}
    shape-rendering="crispEdges"
  >
    <rect width=${size} height=${size} fill="#fff" />
    <path d=${d} fill="#000" />
  </svg>`;
}

/** The QR code of `text` as the side of its square (quiet zone included) and one SVG path. */
export function qrPath(text: string): { size: number; d: string } {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  let d = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  return { size, d };
}
