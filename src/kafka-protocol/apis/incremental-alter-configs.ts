import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { ErrorCode } from '../error-codes.js';
import type { Reader } from '../codec/reader.js';
import type { ConfigOperation } from '../../services/kafka/topic-admin.js';
import { applyConfigChanges, type ConfigResourceChanges, type ConfigResourceResult } from './config-changes.js';

interface IncrementalAlterConfigsRequest {
  resources: Array<ConfigResourceChanges & { invalidOperation?: number }>;
  validateOnly: boolean;
}

interface IncrementalAlterConfigsResponse {
  results: ConfigResourceResult[];
}

const OPERATIONS: ConfigOperation[] = ['SET', 'DELETE', 'APPEND', 'SUBTRACT'];

/**
 * IncrementalAlterConfigs (44) v0-1 (v1 flexible): SET, DELETE, APPEND and SUBTRACT on a topic's
 * configs, the others kept, with Kafka REST v3's rules; `validate_only` checks without changing.
 */
export const incrementalAlterConfigs: ApiModule<IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse> = {
  key: ApiKey.IncrementalAlterConfigs,
  name: 'IncrementalAlterConfigs',
  minVersion: 0,
  maxVersion: 1,
  firstFlexibleVersion: 1,
  decode(r, version) {
    const flexible = version >= 1;
    const str = (r: Reader) => (flexible ? r.compactString() : r.string());
    const nullableStr = (r: Reader) => (flexible ? r.compactNullableString() : r.nullableString());
    const arr = <T>(r: Reader, item: (r: Reader) => T) => (flexible ? r.compactArray(item) : r.array(item));
    const resources = arr(r, (r) => {
      const type = r.int8();
      const name = str(r);
      let invalidOperation: number | undefined;
      const changes = arr(r, (r) => {
        const configName = str(r);
        const op = r.int8();
        const value = nullableStr(r);
        if (flexible) r.taggedFields();
        if (OPERATIONS[op] === undefined) invalidOperation = op;
        return { name: configName, operation: OPERATIONS[op] ?? 'SET', value };
      });
      if (flexible) r.taggedFields();
      return { type, name, changes, invalidOperation };
    });
    const validateOnly = r.boolean();
    if (flexible) r.taggedFields();
    return { resources, validateOnly };
  },
  handle(req, session) {
    return {
      results: req.resources.map((res) =>
        res.invalidOperation !== undefined
          ? { type: res.type, name: res.name, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Unknown config operation ${res.invalidOperation}` }
          : applyConfigChanges(session, res, { replace: false, validateOnly: req.validateOnly }),
      ),
    };
  },
  encode(w, res, version) {
    w.int32(0);
    if (version >= 1) {
      w.compactArray(res.results, (w, r) => w.int16(r.errorCode).compactNullableString(r.errorMessage).int8(r.type).compactString(r.name).taggedFields());
      w.taggedFields();
      return;
    }
    w.array(res.results, (w, r) => w.int16(r.errorCode).nullableString(r.errorMessage).int8(r.type).string(r.name));
  },
};
