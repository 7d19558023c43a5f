import type { Db } from '../store/db.js';
import type { AuthorizationSource, GroupMapping, KafkaAcl, RoleBinding } from './decide.js';

/** The resources a decision is made of: role bindings, group mappings, and the clusters whose CRNs it reads. */
const DECIDING_TYPES = ['RoleBinding', 'GroupMapping', 'KafkaCluster', 'SchemaRegistryCluster'];
/** Tables whose every write counts: Kafka ACLs, and API keys (a key acts as its owner). */
const DECIDING_TABLES = ['kafka_acls', 'credentials'];

/**
 * The store behind the decisions. Its version is a generation counter bumped by temporary SQLite
 * triggers on every write to what a decision is made of: role bindings, group mappings, clusters,
 * ACLs and keys, whoever writes them (the APIs, fixtures, a reset, a snapshot restore, removing an
 * organization). Other writes (records, topics, schemas, ...) leave the cached decisions alone.
 * The triggers are TEMP: they live on this connection only and never reach the database file.
 */
export function storeSource(db: Db): AuthorizationSource {
  let generation = 0;
  db.function('ccloud_emulator_authz_bump', { deterministic: false, varargs: false }, () => ++generation);
  const types = DECIDING_TYPES.map((t) => `'${t}'`).join(', ');
  const statements: string[] = [];
  for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
    const row = event === 'DELETE' ? 'OLD' : 'NEW';
    statements.push(
      `CREATE TEMP TRIGGER IF NOT EXISTS authz_resources_${event.toLowerCase()} AFTER ${event} ON main.resources ` +
        `WHEN ${row}.type IN (${types}) BEGIN SELECT ccloud_emulator_authz_bump(); END;`,
    );
    for (const table of DECIDING_TABLES) {
      statements.push(`CREATE TEMP TRIGGER IF NOT EXISTS authz_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table} BEGIN SELECT ccloud_emulator_authz_bump(); END;`);
    }
  }
  db.exec(statements.join('\n'));

  const bindings = db.prepare("SELECT id, body FROM resources WHERE org_id = ? AND type = 'RoleBinding' AND deleted_at IS NULL ORDER BY seq");
  const mappings = db.prepare("SELECT id, body FROM resources WHERE org_id = ? AND type = 'GroupMapping' AND deleted_at IS NULL ORDER BY seq");
  const acls = db.prepare('SELECT resource_type, resource_name, pattern_type, principal, host, operation, permission FROM kafka_acls WHERE cluster_id = ?');
  const cluster = db.prepare("SELECT crn FROM resources WHERE org_id = ? AND type = 'KafkaCluster' AND id = ? AND deleted_at IS NULL").pluck();
  return {
    version: () => generation,
    bindings: (orgId) =>
      (bindings.all(orgId) as Array<{ id: string; body: string }>).map((r) => {
        const b = JSON.parse(r.body) as RoleBinding;
        return { id: r.id, principal: b.principal, role_name: b.role_name, crn_pattern: b.crn_pattern };
      }),
    groupMappings: (orgId) =>
      (mappings.all(orgId) as Array<{ id: string; body: string }>).map((r) => {
        const m = JSON.parse(r.body) as Partial<GroupMapping>;
        return { id: r.id, principal: String(m.principal ?? r.id), filter: String(m.filter ?? ''), state: String(m.state ?? 'ENABLED') };
      }),
    acls: (clusterId) => acls.all(clusterId) as KafkaAcl[],
    kafkaClusterCrn: (orgId, clusterId) => cluster.get(orgId, clusterId) as string | undefined,
  };
}
