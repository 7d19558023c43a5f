import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { applyConfigChanges, type ConfigResourceChanges, type ConfigResourceResult } from './config-changes.js';

interface AlterConfigsRequest {
  resources: ConfigResourceChanges[];
  validateOnly: boolean;
}

interface AlterConfigsResponse {
  results: ConfigResourceResult[];
}

/**
 * AlterConfigs (33) v0-1: a topic's configs replaced as a whole (those not given return to their
 * defaults), with Kafka REST v3's rules; `validate_only` checks without changing.
 */
export const alterConfigs: ApiModule<AlterConfigsRequest, AlterConfigsResponse> = {
  key: ApiKey.AlterConfigs,
  name: 'AlterConfigs',
  minVersion: 0,
  maxVersion: 1,
  decode(r) {
    const resources = r.array((r) => ({
      type: r.int8(),
      name: r.string(),
      changes: r.array((r) => ({ name: r.string(), operation: 'SET' as const, value: r.nullableString() })).map((c) => (c.value === null ? { ...c, operation: 'DELETE' as const } : c)),
    }));
    return { resources, validateOnly: r.boolean() };
  },
  handle(req, session) {
    return { results: req.resources.map((res) => applyConfigChanges(session, res, { replace: true, validateOnly: req.validateOnly })) };
  },
  encode(w, res) {
    w.int32(0);
    w.array(res.results, (w, r) => w.int16(r.errorCode).nullableString(r.errorMessage).int8(r.type).string(r.name));
  },
};
