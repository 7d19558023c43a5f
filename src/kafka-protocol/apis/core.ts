import type { ApiModule } from '../api.js';
import { saslAuthenticate } from './sasl-authenticate.js';
import { saslHandshake } from './sasl-handshake.js';

/**
 * The connection, data and admin APIs: one module per file in this folder, listed here.
 * (ApiVersions is added by the registry itself, since it lists the registry.)
 */
export const coreApis: ApiModule[] = [saslHandshake, saslAuthenticate];
