// An upload cut off mid-file must fail its import job with a reason and leave the hub serving; a job
// left `running` by a hub process that died is failed by the next process. Real processes and real
// sockets: an in-process hub would hide a crash of the whole process.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshPostgresDatabase, postgresTestUrl } from '../src/platform/testing/test-databases.js';
import { eventually } from './helpers/eventually.js';
import { type HubProcess, startHubNode } from './helpers/hub-process.js';

const ADMIN = 'ohk_test_upload_faults_admin_0123456789';

const header = 'kind,handle,locale,title\n';
const rows = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `product,upload-${from + i},en,Upload ${from + i}\n`).join('');

/** Sends the head of a CSV upload that announces more bytes than it sends, then hangs up or waits. */
function partialUpload(baseUrl: string, head: string, announcedBytes: number) {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname);
  socket.on('error', () => {});
  socket.write(
    `POST /api/imports?source=cut-off.csv HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${ADMIN}\r\n` +
      `Content-Type: text/csv\r\nContent-Length: ${announcedBytes}\r\n\r\n${head}`,
  );
  return socket;
}

async function api(baseUrl: string, path: string) {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${ADMIN}` } });
  return { status: res.status, body: (await res.json()) as any };
}

const kinds = ['pglite', ...(postgresTestUrl() ? ['postgres'] : [])] as const;

for (const kind of kinds) {
  describe(`aborted and orphaned imports [${kind}]`, () => {
    const cleanups: Array<() => Promise<void> | void> = [];
    afterAll(async () => {
      for (const c of cleanups.reverse()) await c();
    });

    async function storage(): Promise<Record<string, string>> {
      if (kind === 'postgres') {
        const fresh = await createFreshPostgresDatabase(postgresTestUrl()!, { migrated: true });
        cleanups.push(fresh.drop);
        return { DATABASE_URL: fresh.url };
      }
      const dir = mkdtempSync(join(tmpdir(), 'omnihub-upload-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return { OMNIHUB_DATA_DIR: dir };
    }

    async function start(env: Record<string, string>): Promise<HubProcess> {
      const hub = await startHubNode({ OMNIHUB_ADMIN_KEY: ADMIN, ...env });
      cleanups.push(() => hub.kill('SIGKILL'));
      return hub;
    }

    // One hub serves the cut-off uploads and is then killed with a job running; the next process on
    // the same storage fails that job. Two hub processes per database, not three (each start costs
    // seconds of CI time).
    let storageEnv: Record<string, string>;
    let hub: HubProcess;

    beforeAll(async () => {
      storageEnv = await storage();
      hub = await start(storageEnv);
    });

    it('a client that hangs up mid-upload fails the job with a reason; the hub keeps serving', async () => {
      const head = header + rows(0, 600);
      const socket = partialUpload(hub.baseUrl, head, Buffer.byteLength(head) * 3);
      const job = await eventually(
        async () => (await api(hub.baseUrl, '/api/imports')).body.items[0],
        (j) => j?.rowsAccepted > 0,
      );
      expect(job.status).toBe('running');
      socket.destroy();
      const failed = await eventually(
        async () => (await api(hub.baseUrl, `/api/imports/${job.id}`)).body,
        (j) => j.status !== 'running',
      );
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatch(/interrupted/);
      expect(failed.rowsAccepted).toBeGreaterThan(0);
      // Still serving, and what was accepted was stored.
      expect((await fetch(`${hub.baseUrl}/health`)).status).toBe(200);
      expect((await api(hub.baseUrl, '/api/catalog/products/upload-0')).status).toBe(200);
      // A second cut-off upload, hung up right after the headers, fails too.
      const again = partialUpload(hub.baseUrl, header, 10_000);
      const started = await eventually(
        async () => (await api(hub.baseUrl, '/api/imports')).body.items[0],
        (j) => j.id !== job.id,
      );
      again.destroy();
      const second = await eventually(
        async () => (await api(hub.baseUrl, `/api/imports/${started.id}`)).body,
        (j) => j.status !== 'running',
      );
      expect(second.status).toBe('failed');
      expect((await fetch(`${hub.baseUrl}/ready`)).status).toBe(200);
    });

    it('a job left running by a killed hub is failed by the next hub process', async () => {
      const head = header + rows(5000, 600);
      const socket = partialUpload(hub.baseUrl, head, Buffer.byteLength(head) * 5);
      const job = await eventually(
        async () => (await api(hub.baseUrl, '/api/imports')).body.items[0],
        (j) => j?.source === 'cut-off.csv' && j.rowsAccepted > 0 && j.status === 'running',
      );
      await hub.kill('SIGKILL');
      socket.destroy();
      const next = await start({ ...storageEnv, OMNIHUB_IMPORT_STALE_SECONDS: '2' });
      const failed = await eventually(
        async () => (await api(next.baseUrl, `/api/imports/${job.id}`)).body,
        (j) => j.status !== 'running',
      );
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatch(/process running it ended/);
      expect(failed.finishedAt).not.toBeNull();
    });
  });
}
