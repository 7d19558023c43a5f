import type { Db } from '../store/db.js';
import type { AuthorizationSource, KafkaAcl, RoleBinding } from './decide.js';

/**
 * The store behind the decisions. Its version is SQLite's count of rows changed on this
 * connection, which every write (a role binding, an ACL, a reset, an import) moves forward; the
 * emulator is the store's only writer, so a cached decision never outlives what it was made of.
 */
export function storeSource(db: Db): AuthorizationSource {
  const changes = db.prepare('SELECT total_changes()').pluck();
  const bindings = db.prepare("SELECT id, body FROM resources WHERE org_id = ? AND type = 'RoleBinding' AND deleted_at IS NULL ORDER BY seq");
  const acls = db.prepare('SELECT resource_type, resource_name, pattern_type, principal, host, operation, permission FROM kafka_acls WHERE cluster_id = ?');
  const cluster = db.prepare("SELECT crn FROM resources WHERE org_id = ? AND type = 'KafkaCluster' AND id = ? AND deleted_at IS NULL").pluck();
  return {
    version: () => changes.get() as number,
    bindings: (orgId) =>
      (bindings.all(orgId) as Array<{ id: string; body: string }>).map((r) => {
        const b = JSON.parse(r.body) as RoleBinding;
        return { id: r.id, principal: b.principal, role_name: b.role_name, crn_pattern: b.crn_pattern };
      }),
    acls: (clusterId) => acls.all(clusterId) as KafkaAcl[],
    kafkaClusterCrn: (orgId, clusterId) => cluster.get(orgId, clusterId) as string | undefined,
  };
}
