import { MUNICIPALITIES, type MunicipalityCode } from '@stue/core';

/**
 * The 98 municipalities as `[code, name]`, in code order: what a form needs to offer them. The CDN
 * build replaces this module with the same list generated from `@stue/core` at build time (see
 * `rollup.config.js`), so the embed does not carry the coordinates and search aliases that come
 * with `MUNICIPALITIES`. Delete both once core exports a names-only list.
 */
export function municipalityNames(): readonly (readonly [MunicipalityCode, string])[] {
  return MUNICIPALITIES.map((municipality) => [municipality.code, municipality.name] as const);
}
