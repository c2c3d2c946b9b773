/**
 * Registers `tag` for `constructor` unless the tag is taken. A page can easily load an element twice
 * (the CDN bundle and an npm copy, or a single-page app importing `define` from two chunks); the
 * second registration must not break the page, so it warns and keeps the first definition.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (customElements.get(tag)) {
    console.warn(`<${tag}> is already defined on this page; keeping the first definition.`);
    return;
  }
  customElements.define(tag, constructor);
}

/**
 * Registers `tag` for `constructor` unless the tag is taken, without a word: for the pieces an
 * element renders itself (`<stue-field>`, `<stue-error-summary>`), so that importing the element's
 * class alone, without `define`, still renders them; a copy already defined does the same job.
 */
export function ensureDefined(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
