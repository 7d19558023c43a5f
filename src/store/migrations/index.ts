/**
 * The store's migrations, one numbered file each, in the order they run. Each runs once; the
 * applied version is kept in `PRAGMA user_version` (the number of the last one applied). Never
 * edit a migration that has shipped: add the next number.
 */
import m01 from './01-resources.js';
import m02 from './02-kafka-topics-records-offsets.js';
import m03 from './03-kafka-acls.js';
import m04 from './04-kafka-broker-configs.js';
import m05 from './05-schema-registry.js';
import m06 from './06-schema-exporters.js';
import m07 from './07-replica-exclusions.js';
import m08 from './08-broker-removals.js';
import m09 from './09-schema-contexts.js';
import m10 from './10-kafka-links.js';
import m11 from './11-catalog.js';
import m12 from './12-resource-counts.js';
import m13 from './13-kafka-log-starts.js';
import m14 from './14-resource-internal-state.js';
import m15 from './15-schema-id-counters.js';
import m16 from './16-scope-index-without-org-level.js';
import m17 from './17-kafka-transactions.js';
import m18 from './18-schema-version-counts.js';

export const MIGRATIONS: readonly string[] = [m01, m02, m03, m04, m05, m06, m07, m08, m09, m10, m11, m12, m13, m14, m15, m16, m17, m18];
