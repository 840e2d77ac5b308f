import { describe, expect, it } from 'vitest';
import { type UndoFailure, withCompensation } from './compensation.js';

/** A step list that records what ran, in order. */
function journal() {
  const log: string[] = [];
  const failures: UndoFailure[] = [];
  const step = (name: string) => async () => {
    log.push(`do ${name}`);
    return name;
  };
  const undo = async (result: string) => {
    log.push(`undo ${result}`);
  };
  return { log, failures, step, undo, opts: { onUndoFailed: (f: UndoFailure) => failures.push(f) } };
}

describe('withCompensation', () => {
  it('runs no undo when every step and the body succeed, and returns the body’s result', async () => {
    const j = journal();
    const out = await withCompensation(j.opts, async (steps) => {
      const a = await steps.run('a', j.step('a'), j.undo);
      const b = await steps.run('b', j.step('b'), j.undo);
      return `${a}+${b}`;
    });
    expect(out).toBe('a+b');
    expect(j.log).toEqual(['do a', 'do b']);
  });

  it('undoes the steps taken, newest first, with their results, and throws the original error', async () => {
    const j = journal();
    const boom = new Error('boom');
    await expect(
      withCompensation(j.opts, async (steps) => {
        await steps.run('a', j.step('a'), j.undo);
        await steps.run('b', j.step('b'), j.undo);
        await steps.run('c', () => Promise.reject(boom), j.undo);
      }),
    ).rejects.toBe(boom);
    // The failed step was never taken, so it has nothing to undo.
    expect(j.log).toEqual(['do a', 'do b', 'undo b', 'undo a']);
  });

  it('reports an undo that fails and still runs the others; the caller sees the original error', async () => {
    const j = journal();
    const refused = new Error('provider down');
    await expect(
      withCompensation(j.opts, async (steps) => {
        await steps.run('a', j.step('a'), j.undo);
        await steps.run('b', j.step('b'), () => Promise.reject(refused));
        await steps.run('c', j.step('c'), j.undo);
        throw new Error('place failed');
      }),
    ).rejects.toThrow('place failed');
    expect(j.log).toEqual(['do a', 'do b', 'do c', 'undo c', 'undo a']);
    expect(j.failures).toEqual([{ step: 'b', error: refused }]);
  });

  it('undoAll undoes without a failure, once: a later error finds nothing left to undo', async () => {
    const j = journal();
    await expect(
      withCompensation(j.opts, async (steps) => {
        await steps.run('a', j.step('a'), j.undo);
        await steps.undoAll();
        await steps.run('b', j.step('b'), j.undo);
        throw new Error('later');
      }),
    ).rejects.toThrow('later');
    expect(j.log).toEqual(['do a', 'undo a', 'do b', 'undo b']);
  });
});
