import { invalidConfigName, invalidKafkaRequest } from './errors.js';

type ConfigType = 'boolean' | 'long' | 'string' | 'password' | readonly string[];

interface LinkConfigSpec {
  /** The value a link has when none is set (null for passwords). */
  default: string | null;
  type: ConfigType;
  /** Fixed when the link is created. */
  createOnly?: boolean;
}

/**
 * The configs a Confluent Cloud cluster link reports, with their defaults. Names outside this list
 * are refused. They are stored and reported; the emulator acts on `link.mode` and
 * `cluster.link.prefix` only (no ACLs or consumer offsets are synced, nothing is auto-created).
 */
export const LINK_CONFIGS: Readonly<Record<string, LinkConfigSpec>> = {
  'acl.filters': { default: '', type: 'string' },
  'acl.sync.enable': { default: 'false', type: 'boolean' },
  'acl.sync.ms': { default: '5000', type: 'long' },
  'auto.create.mirror.topics.enable': { default: 'false', type: 'boolean' },
  'auto.create.mirror.topics.filters': { default: '', type: 'string' },
  'availability.check.consecutive.failure.threshold': { default: '5', type: 'long' },
  'availability.check.ms': { default: '60000', type: 'long' },
  'bootstrap.servers': { default: '', type: 'string' },
  'cluster.link.prefix': { default: '', type: 'string', createOnly: true },
  'cluster.link.retry.timeout.ms': { default: '300000', type: 'long' },
  'connection.mode': { default: 'OUTBOUND', type: ['OUTBOUND', 'INBOUND'], createOnly: true },
  'consumer.group.prefix.enable': { default: 'false', type: 'boolean' },
  'consumer.offset.group.filters': { default: '', type: 'string' },
  'consumer.offset.sync.enable': { default: 'false', type: 'boolean' },
  'consumer.offset.sync.ms': { default: '30000', type: 'long' },
  'link.mode': { default: 'DESTINATION', type: ['DESTINATION', 'SOURCE', 'BIDIRECTIONAL'], createOnly: true },
  'local.sasl.jaas.config': { default: null, type: 'password' },
  'local.sasl.mechanism': { default: 'GSSAPI', type: 'string' },
  'local.security.protocol': { default: 'PLAINTEXT', type: ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] },
  'request.timeout.ms': { default: '30000', type: 'long' },
  'sasl.jaas.config': { default: null, type: 'password' },
  'sasl.mechanism': { default: 'GSSAPI', type: 'string' },
  'security.protocol': { default: 'PLAINTEXT', type: ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] },
  'topic.config.sync.ms': { default: '5000', type: 'long' },
};

export const isLinkConfig = (name: string) => Object.prototype.hasOwnProperty.call(LINK_CONFIGS, name);

/** Checks a value against its config's type: 400 40002 when it does not fit. */
export function checkLinkConfigValue(name: string, value: string): void {
  if (!isLinkConfig(name)) throw invalidConfigName();
  const { type } = LINK_CONFIGS[name];
  const fits = Array.isArray(type)
    ? type.includes(value)
    : type === 'boolean'
      ? value === 'true' || value === 'false'
      : type === 'long'
        ? /^-?\d{1,18}$/.test(value)
        : true;
  if (!fits) {
    const wanted = Array.isArray(type) ? `one of ${type.join(', ')}` : type === 'boolean' ? 'true or false' : 'a whole number';
    throw invalidKafkaRequest(`Invalid value ${value} for configuration ${name}: the value must be ${wanted}.`);
  }
}

/** Checks an alteration of an existing link's config. */
export function checkLinkConfigChange(name: string, value: string | undefined): void {
  if (!isLinkConfig(name)) throw invalidConfigName();
  if (LINK_CONFIGS[name].createOnly) throw invalidKafkaRequest(`Config ${name} is set when the cluster link is created and cannot be altered.`);
  if (value !== undefined) checkLinkConfigValue(name, value);
}

/** The effective value of a link config. */
export const linkConfigValue = (configs: Record<string, string>, name: string): string | null => configs[name] ?? LINK_CONFIGS[name]?.default ?? null;
