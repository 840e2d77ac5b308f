// The buttons at the end of an integrations row (webhook endpoints, inbound connectors, channel
// sync) and the outcome of its test button, written once so the three panels look and read alike.
import { type MessageKey, useIntl } from '../../i18n/index.tsx';

export interface RowAction {
  label: string;
  onClick(): void;
  /** Red, for the one that removes something. */
  danger?: boolean;
  /** Left out (e.g. "Replay" when nothing is dead-lettered). */
  hidden?: boolean;
}

export interface TestOutcome {
  delivered: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

export interface TestSentenceKeys {
  ok: MessageKey;
  refused: MessageKey;
  none: MessageKey;
}

/** The row's test outcome as a sentence; the receiver's own words only when it did not answer. */
export function testSentence(
  t: (key: MessageKey, v?: Record<string, string | number>) => string,
  r: TestOutcome,
  keys: TestSentenceKeys,
) {
  if (r.statusCode === null) return t(keys.none, { ms: r.durationMs, detail: r.error ?? '' });
  return t(r.delivered ? keys.ok : keys.refused, { status: r.statusCode, ms: r.durationMs });
}

export function RowActions({
  actions,
  test,
}: {
  actions: RowAction[];
  /** The last test of this row, if one was run, with the sentences that tell it. */
  test?: { outcome: TestOutcome | undefined; keys: TestSentenceKeys; testId: string } | undefined;
}) {
  const intl = useIntl();
  const outcome = test?.outcome;
  return (
    <span className="actions">
      {actions
        .filter((a) => !a.hidden)
        .map((a) => (
          <button
            key={a.label}
            type="button"
            className={a.danger ? 'danger' : 'secondary'}
            onClick={a.onClick}
          >
            {a.label}
          </button>
        ))}
      {test && outcome ? (
        <output
          className={outcome.delivered ? 'test-result ok' : 'test-result bad'}
          data-testid={test.testId}
        >
          {testSentence(intl.t, outcome, test.keys)}
        </output>
      ) : null}
    </span>
  );
}
