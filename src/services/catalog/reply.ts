import type { Reply } from '../../contract/handler.js';

const JSON_TYPE = { 'content-type': 'application/json' };

/** The catalog answers plain `application/json`. */
export const ok = (body: unknown): Reply => ({ status: 200, headers: JSON_TYPE, body });
export const noContent = (): Reply => ({ status: 204 });
