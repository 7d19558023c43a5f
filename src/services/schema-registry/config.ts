import { srError } from './errors.js';
import { metadataOf, ruleSetOf } from './metadata.js';

/**
 * The config members other than the compatibility level, kept per subject, per context or
 * globally as one JSON object (the level has its own setting). Each member falls back on its own:
 * subject, then context, then global.
 */
export interface ConfigMembers {
  alias?: string;
  aliasForDeks?: string;
  normalize?: boolean;
  validateFields?: boolean;
  validateNewSchemas?: boolean;
  validateRules?: boolean;
  compatibilityPolicy?: string;
  compatibilityGroup?: string;
  defaultMetadata?: Record<string, unknown>;
  overrideMetadata?: Record<string, unknown>;
  defaultRuleSet?: Record<string, unknown>;
  overrideRuleSet?: Record<string, unknown>;
}

const STRINGS = ['alias', 'aliasForDeks', 'compatibilityPolicy', 'compatibilityGroup'] as const;
const BOOLEANS = ['normalize', 'validateFields', 'validateNewSchemas', 'validateRules'] as const;
const METADATA = ['defaultMetadata', 'overrideMetadata'] as const;
const RULE_SETS = ['defaultRuleSet', 'overrideRuleSet'] as const;

const invalidConfig = (detail: string) => srError(422, 42203, `Invalid config: ${detail}`);

/**
 * The members a config update sets: only those present (`null` clears one). Wrong types are 42203;
 * malformed metadata 42201 and rule sets 42210, as on register.
 */
export function configUpdateOf(body: Record<string, unknown>): { set: ConfigMembers; cleared: Array<keyof ConfigMembers> } {
  const set: ConfigMembers = {};
  const cleared: Array<keyof ConfigMembers> = [];
  for (const key of [...STRINGS, ...BOOLEANS, ...METADATA, ...RULE_SETS]) {
    const v = body[key];
    if (v === undefined) continue;
    if (v === null) {
      cleared.push(key);
      continue;
    }
    if ((STRINGS as readonly string[]).includes(key)) {
      if (typeof v !== 'string') throw invalidConfig(`${key} must be a string`);
      (set as Record<string, unknown>)[key] = v;
    } else if ((BOOLEANS as readonly string[]).includes(key)) {
      if (typeof v !== 'boolean') throw invalidConfig(`${key} must be a boolean`);
      (set as Record<string, unknown>)[key] = v;
    } else if ((METADATA as readonly string[]).includes(key)) {
      const m = metadataOf(v);
      if (m) (set as Record<string, unknown>)[key] = m;
      else cleared.push(key);
    } else {
      const rs = ruleSetOf(v);
      if (rs) (set as Record<string, unknown>)[key] = rs;
      else cleared.push(key);
    }
  }
  return { set, cleared };
}

/** A stored config record with an update applied. */
export function applyUpdate(current: ConfigMembers, update: { set: ConfigMembers; cleared: Array<keyof ConfigMembers> }): ConfigMembers {
  const next: ConfigMembers = { ...current, ...update.set };
  for (const key of update.cleared) delete next[key];
  return next;
}

export const parseConfig = (raw: string | undefined): ConfigMembers | undefined => (raw === undefined ? undefined : (JSON.parse(raw) as ConfigMembers));
