/**
 * Whether `version` (`process.versions.node`, e.g. `20.20.2`) is below an `engines` range of the
 * form `>=22.18` (or `>=22`, `>=22.18.0`). Any other form of range is not judged: `false`.
 */
export function nodeTooOld(range: string, version: string): boolean {
  const minimum = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!minimum) return false;
  const wanted = minimum.slice(1).map((part) => Number(part ?? 0));
  const running = version.split('.').map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < 3; i++) {
    if (running[i]! !== wanted[i]!) return running[i]! < wanted[i]!;
  }
  return false;
}
