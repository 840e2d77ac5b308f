// The MJML worker thread (started by mjml-compiler.ts): MJML's load (~0.3 s of CPU) and each compile
// (~5 ms) happen here, off the hub's event loop. Plain JavaScript, so no TypeScript loader runs in the
// thread, from the sources and from dist/ alike. Every request gets an answer: a markup error is an
// answer too (the sender fails that mail); only a dead thread leaves one unanswered.
import { parentPort, threadId } from 'node:worker_threads';
import mjml2html from 'mjml';

parentPort.on('message', async ({ id, source }) => {
  try {
    const { html, errors } = await mjml2html(source, { validationLevel: 'soft' });
    if (errors.length)
      parentPort.postMessage({
        id,
        html: null,
        error: `MJML: ${errors[0].formattedMessage ?? 'invalid markup'}`,
        threadId,
      });
    else parentPort.postMessage({ id, html, error: null, threadId });
  } catch (err) {
    parentPort.postMessage({
      id,
      html: null,
      error: `MJML: ${err instanceof Error ? err.message : String(err)}`,
      threadId,
    });
  }
});
