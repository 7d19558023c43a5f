import { randomUUID } from 'node:crypto';
import { badRequest, unprocessable } from '../../core/errors.js';
import type { ResourceRow } from '../../store/resources.js';
import type { Engine } from '../../engine/engine.js';
import { crudHandler } from '../../engine/crud.js';
import type { ResourceHooks } from '../../engine/hooks.js';
import type { HandlerMap } from '../../contract/handler.js';

/** The Kafka cluster resource (cmk/v2) and where it names its BYOK key. */
const CLUSTER = 'KafkaCluster';
const CLUSTER_KEY = '/spec/byok/id';
const KEY = 'ByokKey';

type KeyShape = { kind: string; fields: string[]; provider: string; checks: Array<[string, RegExp, string]> };

/** What a client supplies per kind of key, and the shape each field must have (422 otherwise). */
const SHAPES: Record<string, KeyShape> = {
  AwsKey: {
    kind: 'AwsKey',
    provider: 'AWS',
    fields: ['key_arn'],
    checks: [['key_arn', /^arn:aws(-[a-z]+)*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/\S+$/, 'an AWS KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)']],
  },
  AzureKey: {
    kind: 'AzureKey',
    provider: 'AZURE',
    fields: ['key_id', 'key_vault_id', 'tenant_id'],
    checks: [
      ['key_id', /^https:\/\/[A-Za-z0-9.-]+\/keys\/[A-Za-z0-9-]+\/?$/, 'an Azure Key Vault key identifier without a version (https://<vault>.vault.azure.net/keys/<name>)'],
      ['key_vault_id', /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults\/[^/]+$/i, 'an Azure Key Vault resource id (/subscriptions/.../providers/Microsoft.KeyVault/vaults/<name>)'],
    ],
  },
  GcpKey: {
    kind: 'GcpKey',
    provider: 'GCP',
    fields: ['key_id'],
    checks: [['key_id', /^projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/, 'a Google Cloud KMS key name (projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>)']],
  },
};

/** The AWS account the emulator pretends Confluent's roles live in. */
const EMULATOR_AWS_ACCOUNT = '000000000000';

/** Whether a live Kafka cluster of the organization names the key (a cluster still deprovisioning counts). */
const inUse = (engine: Engine, org: string, keyId: string) => engine.rt.resources.whereField(org, CLUSTER, CLUSTER_KEY, keyId).length > 0;

/**
 * Brings `state` up to date: the clusters that use a key live in cmk/v2, which knows nothing of
 * keys, so the state is derived from them whenever keys are read, listed or deleted.
 */
function syncState(engine: Engine, row: ResourceRow): void {
  const state = inUse(engine, row.org_id, row.id) ? 'IN_USE' : 'AVAILABLE';
  if (row.body.state === state) return;
  row.body.state = state;
  row.updated_at = engine.rt.clock.now();
  engine.rt.resources.update(row);
}

/**
 * BYOK keys (byok/v1): the key's fields checked for its cloud, unknown ones dropped, `provider`
 * derived from `key.kind`, the fields the cloud needs to grant Confluent access filled in, and a
 * key in use by a cluster kept from deletion.
 */
/** The region an AWS key ARN or a Google Cloud key name states; Azure key identifiers state none. */
function regionOf(key: Record<string, unknown>): string | undefined {
  if (key.kind === 'AwsKey') return /^arn:aws[a-z-]*:kms:([a-z0-9-]+):/.exec(String(key.key_arn))?.[1];
  if (key.kind === 'GcpKey') return /\/locations\/([^/]+)\//.exec(String(key.key_id))?.[1];
  return undefined;
}

export const byokKeyHooks: ResourceHooks = {
  beforeCreate(h, d) {
    const key = (d.body.key ?? {}) as Record<string, unknown>;
    const shape = SHAPES[String(key.kind)];
    if (!shape) throw unprocessable(`The key kind '${String(key.kind)}' is not AwsKey, AzureKey or GcpKey`, '/key/kind');
    for (const [field, pattern, what] of shape.checks) {
      if (!pattern.test(String(key[field] ?? ''))) throw unprocessable(`'key.${field}' must be ${what}`, `/key/${field}`);
    }
    // The body is validated against a oneOf, which keeps unknown properties: store only the declared ones.
    const clean: Record<string, unknown> = { kind: shape.kind };
    for (const f of shape.fields) clean[f] = key[f];
    const suffix = d.id.replace(/^cck-/, '');
    if (shape.kind === 'AwsKey') clean.roles = [`arn:aws:iam::${EMULATOR_AWS_ACCOUNT}:role/ccloud-emulator-byok-${suffix}`];
    if (shape.kind === 'AzureKey') clean.application_id = randomUUID();
    if (shape.kind === 'GcpKey') clean.security_group = `byok-${suffix}@ccloud-emulator.local`;
    d.body.key = clean;
    d.body.provider = shape.provider;
    d.body.state = 'AVAILABLE';
    // No cloud key service can be asked offline: a key of the right shape validates at once.
    const region = regionOf(clean);
    d.body.validation = { phase: 'VALID', since: h.engine.rt.clock.iso(h.now), ...(region ? { region } : {}) };
  },

  beforeDelete(h, row) {
    if (inUse(h.engine, row.org_id, row.id)) {
      const clusters = h.engine.rt.resources.whereField(row.org_id, CLUSTER, CLUSTER_KEY, row.id).map((c) => c.id);
      throw badRequest(`The key '${row.id}' is in use by the Kafka cluster ${clusters.map((c) => `'${c}'`).join(', ')}; delete the cluster first`, undefined, 'key_in_use');
    }
  },
};

/**
 * `listByokV1Keys` and `getByokV1Key`: the generic handlers, after the keys' states have been
 * brought up to date, so that the `state` filter and the answer agree with the clusters.
 */
export function byokKeyHandlers(engine: Engine): HandlerMap {
  const ops = new Map(engine.rt.docs.operations.map((op) => [op.operationId, op]));
  const list = crudHandler(engine, ops.get('listByokV1Keys')!);
  const read = crudHandler(engine, ops.get('getByokV1Key')!);
  return {
    listByokV1Keys: (ctx) => {
      const org = ctx.caller!.orgId;
      engine.rt.tx(() => {
        for (const row of engine.rt.resources.list({ org, type: KEY, filters: [], limit: -1 })) syncState(engine, row);
      });
      return list(ctx);
    },
    getByokV1Key: (ctx) => {
      const row = engine.rt.resources.get(ctx.caller!.orgId, KEY, ctx.params.id);
      if (row) engine.rt.tx(() => syncState(engine, row));
      return read(ctx);
    },
  };
}
