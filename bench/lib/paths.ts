import { fileURLToPath } from 'node:url';

// This module runs as dist/bench/lib/paths.js: the emulator is dist/src, the baseline dist/bench.

/** The emulator's command-line entry point (built). */
export const emulatorCli = fileURLToPath(new URL('../../src/cli.js', import.meta.url));

/** The baseline server (built). */
export const baselineServer = fileURLToPath(new URL('../baseline-server.js', import.meta.url));

/** Where the results are written: bench/results (sources, not dist). */
export const resultsDir = fileURLToPath(new URL('../../../bench/results/', import.meta.url));
