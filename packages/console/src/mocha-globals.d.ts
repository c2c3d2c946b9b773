// The browser tests run under Mocha (@web/test-runner), which puts these functions on the global
// scope. The workspace has no @types/mocha; these are the few the tests use.
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => void | Promise<void>): void;
declare function beforeEach(body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;
