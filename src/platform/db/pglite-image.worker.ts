// The worker thread that unpacks the migrated database image (see pglite-image-files.ts).
import { workerData } from 'node:worker_threads';
import { unpackImageFiles } from './pglite-image-files.js';

const { image, into } = workerData as { image: string; into: string };
unpackImageFiles(image, into);
