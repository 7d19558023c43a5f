import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';
import { READ_ONLY_TOPIC_CONFIGS, TOPIC_CONFIG_DEFAULTS } from '../../services/kafka/config-catalog.js';
import { BROKER_CONFIG_DEFAULTS } from '../../services/kafka/broker-configs.js';
import { CLUSTER_WIDE } from '../../store/kafka.js';

interface DescribeConfigsRequest {
  resources: Array<{ type: number; name: string; keys: string[] | null }>;
  includeSynonyms: boolean;
}

interface ConfigEntry {
  name: string;
  value: string | null;
  readOnly: boolean;
  /** Kafka's ConfigSource: 1 dynamic topic config, 4 dynamic default broker config, 5 default. */
  source: number;
}

interface DescribeConfigsResponse {
  results: Array<{ errorCode: number; errorMessage: string | null; type: number; name: string; configs: ConfigEntry[] }>;
}

const TOPIC = 2;
const BROKER = 4;
const DYNAMIC_TOPIC_CONFIG = 1;
const DYNAMIC_DEFAULT_BROKER_CONFIG = 4;
const DEFAULT_CONFIG = 5;

/**
 * DescribeConfigs (32) v0-3: a topic's configs (its overrides and the catalog's defaults, as Kafka
 * REST v3 lists them) and the broker's (the cluster-wide broker configs).
 */
export const describeConfigs: ApiModule<DescribeConfigsRequest, DescribeConfigsResponse> = {
  key: ApiKey.DescribeConfigs,
  name: 'DescribeConfigs',
  minVersion: 0,
  maxVersion: 3,
  decode(r, version) {
    const resources = r.array((r) => ({ type: r.int8(), name: r.string(), keys: r.nullableArray((r) => r.string()) }));
    const includeSynonyms = version >= 1 ? r.boolean() : false;
    if (version >= 3) r.boolean(); // include documentation
    return { resources, includeSynonyms };
  },
  handle(req, session) {
    const rt = session.runtime;
    const cluster = session.principal.clusterId;
    return {
      results: req.resources.map((res) => {
        const base = { type: res.type, name: res.name };
        const pick = (entries: ConfigEntry[]) => (res.keys === null ? entries : entries.filter((e) => res.keys!.includes(e.name)));
        if (res.type === TOPIC) {
          if (!authorize(session, 'DescribeConfigs', 'Topic', res.name)) return { ...base, errorCode: authorizationError('Topic'), errorMessage: null, configs: [] };
          const topic = rt.kafka.topic(cluster, res.name);
          if (!topic) return { ...base, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: `Topic '${res.name}' does not exist`, configs: [] };
          const entries = Object.entries(TOPIC_CONFIG_DEFAULTS).map(([name, dflt]) => {
            const set = topic.configs[name] !== undefined;
            return { name, value: set ? topic.configs[name] : dflt, readOnly: READ_ONLY_TOPIC_CONFIGS.has(name), source: set ? DYNAMIC_TOPIC_CONFIG : DEFAULT_CONFIG };
          });
          return { ...base, errorCode: ErrorCode.NONE, errorMessage: null, configs: pick(entries) };
        }
        if (res.type === BROKER) {
          if (!authorize(session, 'DescribeConfigs', 'Cluster', 'kafka-cluster')) return { ...base, errorCode: authorizationError('Cluster'), errorMessage: null, configs: [] };
          const overrides = rt.kafka.brokerConfigs(cluster, CLUSTER_WIDE);
          const entries = Object.entries(BROKER_CONFIG_DEFAULTS).map(([name, dflt]) => {
            const set = overrides[name] !== undefined;
            return { name, value: set ? overrides[name] : dflt, readOnly: true, source: set ? DYNAMIC_DEFAULT_BROKER_CONFIG : DEFAULT_CONFIG };
          });
          return { ...base, errorCode: ErrorCode.NONE, errorMessage: null, configs: pick(entries) };
        }
        return { ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Resource type ${res.type} is not supported`, configs: [] };
      }),
    };
  },
  encode(w, res, version) {
    w.int32(0);
    w.array(res.results, (w, r) => {
      w.int16(r.errorCode).nullableString(r.errorMessage).int8(r.type).string(r.name);
      w.array(r.configs, (w, c) => {
        w.string(c.name).nullableString(c.value).boolean(c.readOnly);
        if (version === 0) w.boolean(c.source === DEFAULT_CONFIG);
        else w.int8(c.source);
        w.boolean(false); // sensitive
        if (version >= 1) w.array(c.source === DEFAULT_CONFIG ? [] : [c], (w, s) => w.string(s.name).nullableString(s.value).int8(s.source));
        if (version >= 3) w.int8(2).nullableString(null); // type STRING, no documentation
      });
    });
  },
};
