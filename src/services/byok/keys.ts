import { randomUUID } from 'node:crypto';
import { unprocessable } from '../../core/errors.js';
import type { ResourceHooks } from '../../engine/hooks.js';

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

/** The region an AWS key ARN or a Google Cloud key name states; Azure key identifiers state none. */
function regionOf(key: Record<string, unknown>): string | undefined {
  if (key.kind === 'AwsKey') return /^arn:aws[a-z-]*:kms:([a-z0-9-]+):/.exec(String(key.key_arn))?.[1];
  if (key.kind === 'GcpKey') return /\/locations\/([^/]+)\//.exec(String(key.key_id))?.[1];
  return undefined;
}

/**
 * BYOK keys (byok/v1): the key's fields checked for its cloud, unknown ones dropped, `provider`
 * derived from `key.kind`, and the fields the cloud needs to grant Confluent access filled in.
 * Whether a key is in use (its `state`, and the refusal to delete it) is declared
 * (`referenced_by` in openapi/byok-v1.yaml).
 */
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
};
