import { ApiError } from '../../core/errors.js';

/** How Confluent masks a secret in a configuration it answers. */
export const MASK = '****************';

export type ConnectorType = 'sink' | 'source';

/**
 * Managed connector plugins (connect/v1 `connector-plugins`): a catalogue of the fully-managed
 * connectors' class names. Any other class whose name ends in Sink or Source (`S3_SINK`,
 * `HttpSinkV2`) is accepted too, so that a connector missing from this list is not refused.
 */
const SOURCES = [
  'DatagenSource',
  'MySqlSource',
  'MySqlCdcSource',
  'MySqlCdcSourceV2',
  'PostgresSource',
  'PostgresCdcSource',
  'PostgresCdcSourceV2',
  'SqlServerSource',
  'SqlServerCdcSource',
  'SqlServerCdcSourceV2',
  'OracleDatabaseSource',
  'OracleCdcSource',
  'MongoDbAtlasSource',
  'HttpSource',
  'HttpSourceV2',
  'KinesisSource',
  'SqsSource',
  'S3Source',
  'GcsSource',
  'AzureBlobSource',
  'AzureEventHubsSource',
  'AzureServiceBusSource',
  'SalesforceCdcSource',
  'SalesforcePushTopicSource',
  'SalesforcePlatformEventSource',
  'ServiceNowSource',
  'GithubSource',
  'ZendeskSource',
  'DynamoDbCdcSource',
  'CosmosDbSource',
  'RabbitMQSource',
  'IbmMQSource',
  'ActiveMQSource',
  'MqttSource',
  'InfluxDB2Source',
];
const SINKS = [
  'S3_SINK',
  'GcsSink',
  'AzureBlobSink',
  'AzureDataLakeGen2Sink',
  'BigQuerySink',
  'BigQueryStorageSink',
  'SnowflakeSink',
  'ElasticsearchSink',
  'OpenSearchSink',
  'HttpSink',
  'HttpSinkV2',
  'MongoDbAtlasSink',
  'MySqlSink',
  'PostgresSink',
  'SqlServerSink',
  'OracleDatabaseSink',
  'RedshiftSink',
  'DatabricksDeltaLakeSink',
  'LambdaSink',
  'DynamoDbSink',
  'AzureFunctionsSink',
  'CosmosDbSink',
  'GoogleCloudFunctionsSink',
  'SalesforceSObjectSink',
  'SalesforcePlatformEventSink',
  'ServiceNowSink',
  'SplunkSink',
  'DatadogMetricsSink',
  'PagerDutySink',
  'RedisSink',
  'MqttSink',
  'RabbitMQSink',
  'IbmMQSink',
  'InfluxDB2Sink',
];

export const MANAGED_PLUGINS: Array<{ class: string; type: ConnectorType }> = [
  ...SOURCES.map((c) => ({ class: c, type: 'source' as const })),
  ...SINKS.map((c) => ({ class: c, type: 'sink' as const })),
  // Case-insensitive order by code unit: localeCompare's would be the same for these names, but its
  // first call loads ICU's collator, some 10 ms of every start.
].sort((a, b) => {
  const x = a.class.toLowerCase();
  const y = b.class.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
});

const BY_CLASS = new Map(MANAGED_PLUGINS.map((p) => [p.class, p.type]));

/** The type of a managed connector class: from the catalogue, else from its name; undefined when neither says. */
export function managedTypeOf(connectorClass: string): ConnectorType | undefined {
  const known = BY_CLASS.get(connectorClass);
  if (known) return known;
  const m = /(sink|source)(_?v\d+)?$/i.exec(connectorClass);
  return m ? (m[1].toLowerCase() as ConnectorType) : undefined;
}

/** Keys whose values Confluent masks when it answers a configuration. */
const SENSITIVE = /(password|secret|credentials|api\.key|access\.key|private\.key|token|jaas)/i;

/** The configuration as the API answers it: secrets (and a custom plugin's sensitive properties) masked. */
export function masked(config: Record<string, string>, sensitive: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) out[k] = SENSITIVE.test(k) || sensitive.includes(k) ? MASK : v;
  return out;
}

export const isSensitive = (key: string, sensitive: string[] = []) => SENSITIVE.test(key) || sensitive.includes(key);

/** The most tasks the emulator lists for one connector. */
export const MAX_TASKS = 1000;

export interface ConfigProblem {
  key: string;
  message: string;
}

export type AuthMode = 'KAFKA_API_KEY' | 'SERVICE_ACCOUNT';

/**
 * The checks every connector configuration passes before it is stored (Kafka Connect's own
 * validation, as far as the emulator can know it): the class, the Kafka credentials, `tasks.max`
 * and, for sinks, the topics. `type` is the connector's type when known.
 */
export function configProblems(config: Record<string, string>, type: ConnectorType | undefined, custom: boolean): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const missing = (key: string) => problems.push({ key, message: `Missing required configuration "${key}" which has no default value.` });
  const present = (key: string) => typeof config[key] === 'string' && config[key].trim() !== '';
  if (!present('name')) missing('name');
  if (custom) {
    if (!present('confluent.custom.plugin.id')) missing('confluent.custom.plugin.id');
  } else if (!present('connector.class')) {
    missing('connector.class');
  }
  const mode = config['kafka.auth.mode'] ?? 'KAFKA_API_KEY';
  if (mode === 'KAFKA_API_KEY') {
    if (!present('kafka.api.key')) missing('kafka.api.key');
    if (!present('kafka.api.secret')) missing('kafka.api.secret');
  } else if (mode === 'SERVICE_ACCOUNT') {
    if (!present('kafka.service.account.id')) missing('kafka.service.account.id');
  } else {
    problems.push({ key: 'kafka.auth.mode', message: `Invalid value ${mode} for configuration kafka.auth.mode: must be KAFKA_API_KEY or SERVICE_ACCOUNT` });
  }
  const tasks = config['tasks.max'];
  if (tasks !== undefined && (!/^\d+$/.test(tasks.trim()) || Number(tasks) < 1 || Number(tasks) > MAX_TASKS)) {
    problems.push({ key: 'tasks.max', message: `Invalid value ${tasks} for configuration tasks.max: must be an integer from 1 to ${MAX_TASKS}` });
  }
  if (type === 'sink' && !present('topics') && !present('topics.regex')) {
    problems.push({ key: 'topics', message: 'Must configure one of topics or topics.regex' });
  }
  return problems;
}

export const taskCount = (config: Record<string, string>) => (config['tasks.max'] !== undefined ? Number(config['tasks.max']) : 1);

/** A 400 in the connect shape, worded as Kafka Connect words an invalid configuration. */
export function invalidConfig(problems: ConfigProblem[]): ApiError {
  const lines = problems.map((p) => `${p.key}: ${p.message}`);
  return connectError(400, `Connector configuration is invalid and contains the following ${problems.length} error(s):\n${lines.join('\n')}`);
}

export const connectError = (status: number, message: string) =>
  new ApiError({ status, code: status === 404 ? 'not_found' : status === 409 ? 'conflict' : 'bad_request', title: 'Connect', detail: message });
