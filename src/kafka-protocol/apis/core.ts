import type { ApiModule } from '../api.js';

/** The connection, data and admin APIs: one module per file in this folder, listed here. */
export const coreApis: ApiModule[] = [];
