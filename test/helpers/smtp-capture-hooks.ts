// The SMTP capture as a test file wires it: started before the file's hubs (which read their config
// when they start, in describeEachHub's beforeAll), the hub config pointed at it, closed after.
// Kept apart from smtp-capture.ts, which benches import outside vitest.
import { afterAll, beforeAll } from 'vitest';
import type { HubConfig } from '../../src/platform/config.js';
import { type SmtpCapture, startSmtpCapture } from './smtp-capture.js';

/** Call at the top of a test file; the returned capture is usable from the tests on. */
export function captureMail(config: Partial<HubConfig>): SmtpCapture {
  let capture: SmtpCapture | undefined;
  beforeAll(async () => {
    capture = await startSmtpCapture();
    config.smtpUrl = capture.url;
  });
  afterAll(async () => capture?.close());
  const live = () => {
    if (!capture) throw new Error('SMTP capture not started yet');
    return capture;
  };
  return {
    get url() {
      return live().url;
    },
    get mails() {
      return live().mails;
    },
    nextMailTo: (to, timeoutMs, matching) => live().nextMailTo(to, timeoutMs, matching),
    signInCode: (to, timeoutMs) => live().signInCode(to, timeoutMs),
    close: () => live().close(),
  };
}
