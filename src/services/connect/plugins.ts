import { unprocessable } from '../../core/errors.js';
import type { Engine } from '../../engine/engine.js';
import type { ResourceHooks } from '../../engine/hooks.js';
import type { HandlerMap, AuthenticatedContext } from '../../contract/handler.js';
import { MANAGED_PLUGINS, configProblems, connectError, isSensitive, managedTypeOf, MASK } from './config.js';
import { clusterOf } from './connectors.js';

const UPLOAD = 'ConnectPluginUpload';

/** How long a presigned upload URL's policy lasts (Confluent: one hour), on the virtual clock. */
const UPLOAD_TTL_MS = 60 * 60 * 1000;

const org = (ctx: AuthenticatedContext) => ctx.caller.orgId;


/** The settings every connector has, in the groups Confluent's validation answers them under. */
const STANDARD: Array<{ name: string; type: string; group: string; display: string; doc: string; required: (c: Record<string, string>) => boolean }> = [
  { name: 'name', type: 'STRING', group: 'How should we connect to your data?', display: 'Connector name', doc: 'Sets a name for your connector.', required: () => true },
  { name: 'connector.class', type: 'STRING', group: 'How should we connect to your data?', display: 'Connector class', doc: '', required: () => true },
  { name: 'kafka.auth.mode', type: 'STRING', group: 'Kafka Cluster credentials', display: 'Kafka Cluster Authentication mode', doc: 'KAFKA_API_KEY or SERVICE_ACCOUNT.', required: () => false },
  { name: 'kafka.api.key', type: 'PASSWORD', group: 'Kafka Cluster credentials', display: 'Kafka API Key', doc: '', required: (c) => (c['kafka.auth.mode'] ?? 'KAFKA_API_KEY') === 'KAFKA_API_KEY' },
  { name: 'kafka.api.secret', type: 'PASSWORD', group: 'Kafka Cluster credentials', display: 'Kafka API Secret', doc: '', required: (c) => (c['kafka.auth.mode'] ?? 'KAFKA_API_KEY') === 'KAFKA_API_KEY' },
  { name: 'kafka.service.account.id', type: 'STRING', group: 'Kafka Cluster credentials', display: 'Kafka Service Account', doc: '', required: (c) => c['kafka.auth.mode'] === 'SERVICE_ACCOUNT' },
  { name: 'tasks.max', type: 'INT', group: 'Number of tasks for this connector', display: 'Tasks', doc: 'Maximum number of tasks for the connector.', required: () => false },
];

/**
 * Validates a configuration for a managed plugin as the connector create would (the emulator
 * knows the settings every connector has, not each connector's own): the answer lists those
 * settings and every other one sent, each with its errors; `error_count` counts them.
 */
function validate(plugin: string, type: 'sink' | 'source', input: Record<string, string>) {
  const config: Record<string, string> = { ...input, 'connector.class': input['connector.class'] ?? plugin };
  const problems = configProblems(config, type, false);
  if (config['connector.class'] !== plugin) problems.push({ key: 'connector.class', message: `The connector class ${config['connector.class']} is not the plugin ${plugin}` });
  const errorsOf = (key: string) => problems.filter((p) => p.key === key).map((p) => p.message);
  const standard = type === 'sink' ? [...STANDARD, { name: 'topics', type: 'LIST', group: 'Which topics do you want to get data from?', display: 'Topic names', doc: 'Identifies the topic name or a comma-separated list of topic names.', required: () => !config['topics.regex'] }] : STANDARD;
  const names = [...standard.map((s) => s.name), ...Object.keys(config).filter((k) => !standard.some((s) => s.name === k)).sort()];
  const groups: string[] = [];
  const configs = names.map((name, i) => {
    const s = standard.find((x) => x.name === name);
    const group = s?.group ?? 'Additional Configs';
    if (!groups.includes(group)) groups.push(group);
    const value = config[name];
    return {
      definition: {
        name,
        type: s?.type ?? (isSensitive(name) ? 'PASSWORD' : 'STRING'),
        required: s ? s.required(config) : false,
        default_value: name === 'tasks.max' ? '1' : name === 'kafka.auth.mode' ? 'KAFKA_API_KEY' : '',
        importance: s ? 'HIGH' : 'MEDIUM',
        documentation: s?.doc ?? '',
        group,
        width: 'NONE',
        display_name: s?.display ?? name,
        dependents: [],
        order: i + 1,
        alias: '',
      },
      // A property not given is an empty string, as in Confluent's own example (its document declares a string, never null).
      value: { name, value: value === undefined ? '' : isSensitive(name) ? MASK : value, recommended_values: [], errors: errorsOf(name), visible: true },
      metadata: {},
    };
  });
  return { name: plugin, groups, error_count: problems.length, configs };
}

/** Managed connector plugins: the catalogue, and the validation of a configuration for one of them. */
export function managedPluginHandlers(engine: Engine): HandlerMap {
  return {
    listConnectv1ConnectorPlugins: (ctx) => {
      clusterOf(engine, ctx);
      return { status: 200, body: MANAGED_PLUGINS };
    },
    validateConnectv1ConnectorPlugin: (ctx) => {
      clusterOf(engine, ctx);
      const plugin = ctx.params.plugin_name;
      const type = managedTypeOf(plugin);
      if (!type) throw connectError(404, `Connector plugin ${plugin} not found`);
      return { status: 200, body: validate(plugin, type, (ctx.body ?? {}) as Record<string, string>) };
    },
  };
}

// ---- custom connector plugins and their uploads -------------------------------------------------

/**
 * Takes the archive named by `upload_source` (an upload this organization was given a presigned
 * URL for; 422 otherwise): the plugin's `content_format` is the upload's. Responses carry
 * `upload_source` with its location and, as Confluent documents, an empty `upload_id`.
 */
function takeUpload(engine: Engine, orgId: string, body: Record<string, unknown>): void {
  const source = body.upload_source as { location?: string; upload_id?: string } | undefined;
  delete body.upload_source;
  if (!source) return;
  const upload = source.upload_id ? engine.repository(UPLOAD).get(orgId, source.upload_id) : undefined;
  if (!upload) throw unprocessable(`The upload '${source.upload_id ?? ''}' does not exist: request a presigned upload URL first`, '/upload_source/upload_id');
  body.content_format = upload.body.content_format;
  body.upload_source = { location: source.location ?? 'PRESIGNED_URL_LOCATION', upload_id: '' };
}

/** Custom connector plugins (a declared resource): the archive comes from a presigned upload. */
export const customPluginHooks: ResourceHooks = {
  beforeCreate(h, d) {
    takeUpload(h.engine, d.org, d.body);
  },
  beforeUpdate(h, row, patch) {
    takeUpload(h.engine, row.org_id, patch);
  },
};

/**
 * Presigned upload URLs: each is recorded as an upload that a custom connector plugin may then
 * name. The emulator stores no archive: the URL names a host no client can reach, with the form
 * fields of an S3 POST policy that expires in one hour.
 */
export function presignedUrlHandlers(engine: Engine): HandlerMap {
  return {
    'presigned-upload-urlConnectV1PresignedUrl': (ctx) => {
      const format = String((ctx.body as { content_format: string }).content_format);
      const expires = engine.rt.clock.now() + UPLOAD_TTL_MS;
      const row = engine.rt.tx(() =>
        engine.create(engine.decl(UPLOAD), { content_format: format, expires_at: engine.rt.clock.iso(expires) }, { org: org(ctx), baseUrl: ctx.baseUrl, trusted: true }),
      );
      const key = `${org(ctx)}/${row.id}.${format.toLowerCase()}`;
      const policy = { expiration: engine.rt.clock.iso(expires), conditions: [{ bucket: 'confluent-custom-connectors' }, { key }] };
      return {
        status: 200,
        body: {
          api_version: 'connect/v1',
          kind: 'PresignedUrl',
          content_format: format,
          upload_id: row.id,
          upload_url: 'https://confluent-custom-connectors.s3.ccloud-emulator.local/',
          upload_form_data: { bucket: 'confluent-custom-connectors', key, policy: Buffer.from(JSON.stringify(policy)).toString('base64') },
        },
      };
    },
  };
}
