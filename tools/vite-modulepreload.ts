import type { HtmlTagDescriptor, IndexHtmlTransformContext } from 'vite';

type Bundle = NonNullable<IndexHtmlTransformContext['bundle']>;

/**
 * `<link rel="modulepreload">` tags for the chunks `from` and every chunk they import, for a
 * page's `transformIndexHtml`: the browser fetches and compiles them while the page starts, and
 * evaluates them only when they are imported. What the page loads anyway (`loaded`, with what it
 * imports) is left out.
 */
export function modulePreloads(
  bundle: Bundle,
  from: readonly string[],
  options: { base: string; loaded?: readonly string[]; attrs?: Record<string, string | boolean> },
): HtmlTagDescriptor[] {
  const imports = new Map(
    Object.values(bundle).flatMap((file) =>
      file.type === 'chunk' ? [[file.fileName, file.imports] as const] : [],
    ),
  );
  const withImports = (files: readonly string[], skip = new Set<string>()) => {
    const found = new Set<string>();
    const visit = (file: string) => {
      if (skip.has(file) || found.has(file)) return;
      found.add(file);
      for (const next of imports.get(file) ?? []) visit(next);
    };
    for (const file of files) visit(file);
    return found;
  };
  const skip = withImports(options.loaded ?? []);
  return [...withImports(from, skip)].map((file) => ({
    tag: 'link',
    attrs: {
      rel: 'modulepreload',
      crossorigin: true,
      ...options.attrs,
      href: `${options.base}${file}`,
    },
    injectTo: 'head',
  }));
}
