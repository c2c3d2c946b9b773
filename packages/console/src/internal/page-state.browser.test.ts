import { StueHttpError } from '@stue/core';
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PageState } from './page-state.js';

/** A host that counts what the page state asks of it. */
function host() {
  const calls = { updates: 0, ended: 0 };
  const controllers: ReactiveController[] = [];
  const element: ReactiveControllerHost = {
    addController: (controller) => void controllers.push(controller),
    removeController: () => undefined,
    requestUpdate: () => void (calls.updates += 1),
    updateComplete: Promise.resolve(true),
  };
  const state = new PageState(element, {
    endSession: () => void (calls.ended += 1),
    failureMessage: (error) => `failed: ${(error as Error).message}`,
  });
  return { state, calls, controllers };
}

const lost = () => new StueHttpError(401, 'unauthorized', 'Sign in');
const refused = () => new StueHttpError(500, 'internal', 'Boom');

describe('PageState', () => {
  it('registers with its host and shows loading while a load runs', async () => {
    const { state, calls, controllers } = host();
    expect(controllers).to.deep.equal([state]);
    let release!: () => void;
    const load = state.load(() => new Promise<void>((resolve) => (release = resolve)));
    expect(state.loading).to.equal(true);
    release();
    expect(await load).to.equal(true);
    expect(state.loading).to.equal(false);
    expect(state.problem).to.equal('');
    expect(calls.updates).to.be.greaterThan(0);
  });

  it('turns a failed load into the problem, in the page’s words or the given ones', async () => {
    const { state } = host();
    expect(await state.load(() => Promise.reject(refused()))).to.equal(false);
    expect(state.problem).to.equal('failed: Boom');
    await state.load(
      () => Promise.reject(refused()),
      () => 'Not there',
    );
    expect(state.problem).to.equal('Not there');
    await state.load(() => Promise.resolve());
    expect(state.problem).to.equal('');
  });

  it('ends the session once on a 401, from a load, an action or a side read', async () => {
    for (const step of ['load', 'run', 'guard'] as const) {
      const { state, calls } = host();
      let failed = false;
      const ok = await state[step](
        () => Promise.reject(lost()),
        // @ts-expect-error load's second argument returns words; it is not reached either way.
        () => void (failed = true),
      );
      expect(ok, step).to.equal(false);
      expect(calls.ended, step).to.equal(1);
      expect(state.ended, step).to.equal(true);
      expect(state.problem, step).to.equal('');
      expect(failed, `${step} does not report a lost session as a failure`).to.equal(false);
    }
  });

  it('keeps busy through an action and its failure handling', async () => {
    const { state } = host();
    const seen: boolean[] = [];
    await state.run(
      async () => {
        seen.push(state.busy);
        throw refused();
      },
      async () => {
        await Promise.resolve();
        seen.push(state.busy);
      },
    );
    expect(seen).to.deep.equal([true, true]);
    expect(state.busy).to.equal(false);
  });

  it('shows only the latest of overlapping loads', async () => {
    const { state, calls } = host();
    let failFirst!: (error: unknown) => void;
    const first = state.load(() => new Promise((_, reject) => (failFirst = reject)));
    let finishSecond!: () => void;
    const second = state.load(() => new Promise<void>((resolve) => (finishSecond = resolve)));
    failFirst(lost());
    await first;
    expect(state.loading, 'the latest is still loading').to.equal(true);
    expect(calls.ended, 'an outdated load’s failure is ignored').to.equal(0);
    finishSecond();
    await second;
    expect(state.loading).to.equal(false);
  });
});
