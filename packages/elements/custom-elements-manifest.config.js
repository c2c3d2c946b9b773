// `cem analyze` (run by `pnpm build`): custom-elements.json from the classes' JSDoc.
/**
 * Properties declared in `static properties` (no decorators: see the element) are read with two
 * quirks: `state: true` properties get an attribute, and public fields are marked
 * `privacy: "public"`. Internal state has no attribute, and public is the default.
 */
function tidyStaticProperties(declaration) {
  const internal = new Set();
  for (const member of declaration.members ?? []) {
    if (member.privacy === 'public') delete member.privacy;
    if (member.privacy === 'private') {
      internal.add(member.name);
      delete member.attribute;
    }
  }
  if (declaration.attributes) {
    declaration.attributes = declaration.attributes.filter(
      (attribute) => !internal.has(attribute.fieldName),
    );
  }
}

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
            if (declaration.events) {
              declaration.events = declaration.events.filter(
                (event) => event.name?.startsWith('stue-') && event.type,
              );
            }
            tidyStaticProperties(declaration);
          }
        }
      },
    },
  ],
};
