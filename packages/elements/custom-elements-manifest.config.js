// `cem analyze` (run by `pnpm build`): custom-elements.json from the classes' JSDoc.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/cdn/**', 'src/internal/**'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // The analyzer also guesses events from `dispatchEvent(new X(…))` calls and takes the first
      // argument for the name. Ours are declared with `@event` in the class JSDoc, with their
      // classes as types: keep those, drop the guesses.
      name: 'stue-declared-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (!declaration.events) continue;
            declaration.events = declaration.events.filter(
              (event) => event.name?.startsWith('stue-') && event.type,
            );
          }
        }
      },
    },
  ],
};
