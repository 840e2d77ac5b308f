import { afterEach, describe, expect, it } from 'vitest';
import { calibrateMachine, describeCalibration, machineCalibration } from '../bench/machine-calibration.js';

const databaseUrl = process.env.TEST_DATABASE_URL;

// Every bench result carries the machine's speed at its start; a reading of zero or one that
// never reached the other process would make figures of different days look comparable when not.
describe('bench machine calibration', () => {
  afterEach(() => {
    delete process.env.BENCH_MACHINE_CALIBRATION;
  });

  it('reads the JavaScript speed, a loopback round trip to another process and PostgreSQL', async () => {
    const c = await calibrateMachine(databaseUrl);
    expect(c.jsWorkMs).toBeGreaterThan(0);
    expect(c.loopbackRoundTrip.p50Us).toBeGreaterThan(0);
    // Both processes' CPU is counted: a round trip costs at least the two writes and two reads.
    expect(c.loopbackRoundTrip.cpuUsPerRoundTrip).toBeGreaterThan(0);
    if (databaseUrl) expect(c.postgresSelect1P50Us).toBeGreaterThan(0);
    else expect(c.postgresSelect1P50Us).toBeUndefined();
    expect(describeCalibration(c)).toContain(`JavaScript workload ${c.jsWorkMs} ms`);
  });

  it('takes the calibration `all` made once instead of a new one', async () => {
    const given = { jsWorkMs: 12.5, loopbackRoundTrip: { p50Us: 40, cpuUsPerRoundTrip: 30 } };
    process.env.BENCH_MACHINE_CALIBRATION = JSON.stringify(given);
    expect(await machineCalibration(databaseUrl)).toEqual(given);
  });
});
