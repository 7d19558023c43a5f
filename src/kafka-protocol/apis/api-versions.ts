import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { ErrorCode } from '../error-codes.js';

interface ApiVersionsRequest {
  clientSoftwareName?: string;
  clientSoftwareVersion?: string;
}

interface ApiRange {
  key: number;
  min: number;
  max: number;
}

export interface ApiVersionsResponse {
  errorCode: number;
  apis: ApiRange[];
}

/** The ranges of the registry's modules, ascending by key. */
export function rangesOf(registry: Map<number, ApiModule>): ApiRange[] {
  return [...registry.values()].sort((a, b) => a.key - b.key).map((m) => ({ key: m.key, min: m.minVersion, max: m.maxVersion }));
}

/** KIP-511: a request version we do not know, answered in the v0 layout with our ranges. */
export function unsupportedApiVersionsResponse(registry: Map<number, ApiModule>): ApiVersionsResponse {
  return { errorCode: ErrorCode.UNSUPPORTED_VERSION, apis: rangesOf(registry) };
}

/** ApiVersions (18) v0-3 over a registry (which it joins): the version ranges of every API answered. */
export function apiVersionsFor(registry: Map<number, ApiModule>): ApiModule<ApiVersionsRequest, ApiVersionsResponse> {
  return {
    key: ApiKey.ApiVersions,
    name: 'ApiVersions',
    minVersion: 0,
    maxVersion: 3,
    firstFlexibleVersion: 3,
    beforeAuthentication: true,
    decode(r, version) {
      if (version < 3) return {};
      const clientSoftwareName = r.compactString();
      const clientSoftwareVersion = r.compactString();
      r.taggedFields();
      return { clientSoftwareName, clientSoftwareVersion };
    },
    handle() {
      return { errorCode: ErrorCode.NONE, apis: rangesOf(registry) };
    },
    encode(w, res, version) {
      w.int16(res.errorCode);
      if (version >= 3) {
        w.compactArray(res.apis, (w, a) => w.int16(a.key).int16(a.min).int16(a.max).taggedFields());
        w.int32(0);
        w.taggedFields();
        return;
      }
      w.array(res.apis, (w, a) => w.int16(a.key).int16(a.min).int16(a.max));
      if (version >= 1) w.int32(0);
    },
  };
}
