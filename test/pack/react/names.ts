// What the React snippet in docs/embedding.md uses from the app around it. run.sh puts the
// snippet, as written, after these lines in app.tsx.
/* eslint-disable @typescript-eslint/no-unused-vars -- the snippet appended after these lines uses them */
declare const lang: 'da' | 'en';
declare const user: { name: string; email: string };
declare function setReference(reference: string): void;
declare function report(code: string): void;
