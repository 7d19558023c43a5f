import type { Db } from '../store/db.js';
import type { AuthorizationSource, KafkaAcl, RoleBinding } from './decide.js';

/**
 * The rows a decision is made of: role bindings, Kafka ACLs and Kafka clusters (whose CRN an ACL
 * decision reads). Any write to them, however it is made (the APIs, a reset, a snapshot import,
 * a cascade), bumps a generation counter through temporary triggers that call back into this
 * process; nothing else invalidates the cached decisions, so creating a service account or
 * producing a record does not throw them away. A write rolled back still bumps it: harmless.
 */
function watchAuthorizationWrites(db: Db): () => number {
  let generation = 0;
  db.function('ccloud_emulator_authorization_changed', { deterministic: false, varargs: false }, () => {
    generation++;
    return null;
  });
  const relevant = (row: 'NEW' | 'OLD') => `${row}.type IN ('RoleBinding', 'KafkaCluster')`;
  for (const [event, rows] of [['INSERT', ['NEW']], ['UPDATE', ['NEW', 'OLD']], ['DELETE', ['OLD']]] as const) {
    const when = rows.map((r) => relevant(r)).join(' OR ');
    db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS authorization_resources_${event.toLowerCase()} AFTER ${event} ON main.resources WHEN ${when} BEGIN SELECT ccloud_emulator_authorization_changed(); END`);
    db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS authorization_acls_${event.toLowerCase()} AFTER ${event} ON main.kafka_acls BEGIN SELECT ccloud_emulator_authorization_changed(); END`);
  }
  return () => generation;
}

/** The store behind the decisions, with the generation that invalidates cached decisions. */
export function storeSource(db: Db): AuthorizationSource {
  const generation = watchAuthorizationWrites(db);
  const bindings = db.prepare("SELECT id, body FROM resources WHERE org_id = ? AND type = 'RoleBinding' AND deleted_at IS NULL ORDER BY seq");
  const acls = db.prepare('SELECT resource_type, resource_name, pattern_type, principal, host, operation, permission FROM kafka_acls WHERE cluster_id = ?');
  const cluster = db.prepare("SELECT crn FROM resources WHERE org_id = ? AND type = 'KafkaCluster' AND id = ? AND deleted_at IS NULL").pluck();
  return {
    version: generation,
    bindings: (orgId) =>
      (bindings.all(orgId) as Array<{ id: string; body: string }>).map((r) => {
        const b = JSON.parse(r.body) as RoleBinding;
        return { id: r.id, principal: b.principal, role_name: b.role_name, crn_pattern: b.crn_pattern };
      }),
    acls: (clusterId) => acls.all(clusterId) as KafkaAcl[],
    kafkaClusterCrn: (orgId, clusterId) => cluster.get(orgId, clusterId) as string | undefined,
  };
}
