import { StueHttpError } from '@stue/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether `error` means the hub no longer knows the session (401): the one case every page
 * answers the same way, by handing the coordinator back to sign-in.
 */
export const isSessionLost = (error: unknown): boolean =>
  error instanceof StueHttpError && error.status === 401;

/** What a page's state needs of the page it serves. */
export interface PageStateOptions {
  /** Tells the app the session is gone (the page's `SessionEndEvent`). */
  endSession(): void;
  /** The words for a failure, shown as the page's problem when a load fails. */
  failureMessage(error: unknown): string;
}

/**
 * A page's loading, problem, busy and lost-session state, in one place (Lit's controller pattern):
 * a page hands its reads to {@link PageState.load} and its actions to {@link PageState.run}, and
 * neither has to remember that a 401 ends the session or that the spinner must stop.
 *
 * @example
 * readonly pageState = new PageState(this, { endSession, failureMessage });
 * load = () => this.pageState.load(async () => { this.rows = await listRows(api); });
 * save = () => this.pageState.run(() => saveRow(api, row), (error) => this.showErrors(error));
 */
export class PageState implements ReactiveController {
  #loading = false;
  #busy = false;
  #problem = '';
  #ended = false;
  /** Counts loads, so only the latest one's outcome shows when they overlap. */
  #loads = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PageStateOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Whether a load is under way. */
  get loading(): boolean {
    return this.#loading;
  }

  set loading(value: boolean) {
    this.#loading = value;
    this.host.requestUpdate();
  }

  /** Whether an action is under way; pages refuse a second one meanwhile. */
  get busy(): boolean {
    return this.#busy;
  }

  set busy(value: boolean) {
    this.#busy = value;
    this.host.requestUpdate();
  }

  /** Why the page's data could not be loaded (or an action failed), in words; `''` when fine. */
  get problem(): string {
    return this.#problem;
  }

  set problem(value: string) {
    this.#problem = value;
    this.host.requestUpdate();
  }

  /** Whether the session was found gone: the page is about to give way to sign-in. */
  get ended(): boolean {
    return this.#ended;
  }

  /**
   * Runs a read of the page's data: `loading` while it runs and the problem cleared; a failure
   * becomes the problem (in `problemOf`'s words, else the usual ones), a lost session ends the
   * session. When loads overlap, only the latest one's failure and end show.
   * Resolves to whether the read succeeded.
   */
  async load(
    task: () => Promise<unknown>,
    problemOf: (error: unknown) => string = (error) => this.options.failureMessage(error),
  ): Promise<boolean> {
    const load = ++this.#loads;
    this.loading = true;
    this.problem = '';
    try {
      await task();
      return true;
    } catch (error) {
      if (load !== this.#loads) return false;
      if (this.#lost(error)) return false;
      this.problem = problemOf(error);
      return false;
    } finally {
      if (load === this.#loads) this.loading = false;
    }
  }

  /**
   * Runs an action (a save, a move, a revocation): `busy` while it runs; a lost session ends the
   * session, any other failure goes to `onFailure` (awaited while still busy).
   * Resolves to whether the action succeeded.
   */
  async run(
    task: () => Promise<unknown>,
    onFailure: (error: unknown) => unknown = (error) => {
      this.problem = this.options.failureMessage(error);
    },
  ): Promise<boolean> {
    this.busy = true;
    try {
      return await this.guard(task, onFailure);
    } finally {
      this.busy = false;
    }
  }

  /**
   * Runs a side read or step with no flag of its own (a history, the consents beside a record): a
   * lost session ends the session, any other failure goes to `onFailure`.
   * Resolves to whether the task succeeded.
   */
  async guard(
    task: () => Promise<unknown>,
    onFailure: (error: unknown) => unknown = () => undefined,
  ): Promise<boolean> {
    try {
      await task();
      return true;
    } catch (error) {
      if (!this.#lost(error)) await onFailure(error);
      return false;
    }
  }

  #lost(error: unknown): boolean {
    if (!isSessionLost(error)) return false;
    this.#ended = true;
    this.options.endSession();
    return true;
  }
}
