// Steps that change something outside one database transaction (a payment provider, another
// process) are paired with their undo where they are taken, in the style of Medusa's
// createStep(invoke, compensate): when a later step or the body fails, the undos of the steps
// already taken run newest first and the original error is thrown on. An undo that fails does not
// stop the others; it is reported, because it leaves something to put right by hand.

export interface UndoFailure {
  /** The step whose undo failed. */
  step: string;
  error: unknown;
}

export interface Steps {
  /** Runs `invoke`; should anything after it fail, `undo` gets its result. */
  run<T>(step: string, invoke: () => Promise<T>, undo: (result: T) => Promise<unknown>): Promise<T>;
  /** Undoes every step taken so far, newest first, without a failure (each undo runs once). */
  undoAll(): Promise<void>;
}

export interface CompensationOptions {
  /** Told of every undo that failed (the flow logs it; the caller still sees the original error). */
  onUndoFailed: (failure: UndoFailure) => void;
}

/** Runs `body` with a step list; on an error, undoes the steps taken and throws the error on. */
export async function withCompensation<T>(
  opts: CompensationOptions,
  body: (steps: Steps) => Promise<T>,
): Promise<T> {
  const taken: Array<{ step: string; undo: () => Promise<unknown> }> = [];
  const undoAll = async () => {
    for (let next = taken.pop(); next; next = taken.pop()) {
      try {
        await next.undo();
      } catch (error) {
        opts.onUndoFailed({ step: next.step, error });
      }
    }
  };
  const steps: Steps = {
    async run(step, invoke, undo) {
      const result = await invoke();
      taken.push({ step, undo: () => undo(result) });
      return result;
    },
    undoAll,
  };
  try {
    return await body(steps);
  } catch (err) {
    await undoAll();
    throw err;
  }
}
