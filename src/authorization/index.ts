/**
 * Authorization, independent of any transport: role bindings (RBAC) and Kafka ACLs decide what a
 * principal may do, and every decision says why.
 *
 * - `Authorizer.decide(principal, action, crn): Decision` for the management APIs and Schema
 *   Registry (`action` one of ACTIONS, `crn` a full `crn://confluent.cloud/...`).
 * - `Authorizer.decideKafka({orgId, clusterId, principal, host, operation, resourceType,
 *   resourceName}): Decision` for Kafka, over REST or the Kafka protocol: RBAC or an ALLOW ACL,
 *   and no DENY ACL.
 * - `principalOf(ownerId)`: the principal a key or token acts as (`User:u-…`, `User:sa-…`, `User:pool-…`).
 * - `ROLES`: the predefined roles, where they bind and what they allow.
 *
 * - SSO group mappings: a user's SSO session (`Caller.ssoGroups`) also holds the bindings of
 *   `User:group-…` for every group mapping whose CEL `filter` matches its groups
 *   (`decide(principal, action, crn, ssoGroups)`); API keys never do, as in the cloud.
 *
 * Both decisions are synchronous and cached until the source's version changes.
 *
 * The Kafka protocol listener asks, per topic, group or cluster it touches (names in either
 * spelling, `DescribeConfigs`/`TransactionalId` or `DESCRIBE_CONFIGS`/`TRANSACTIONAL_ID`):
 *
 *   if (rt.config.authorization === 'off') return true;
 *   return rt.authorizer.decideKafka({ orgId, clusterId, principal: principalOf(ownerId), host: remoteHost,
 *     operation, resourceType, resourceName }).allowed;
 */
export { Authorizer, principalOf, kafkaResourceCrn, rolesThatAllow, type GroupMapping, type GroupResolution, type Decision, type KafkaRequest, type RoleBinding, type KafkaAcl, type AuthorizationSource } from './decide.js';
export { ROLES, roleNames, roleTableMarkdown, type RoleDefinition } from './roles.js';
export { compileGroupFilter, GroupFilterError } from './group-filter.js';
export { ACTIONS, isAction, implies, type Action } from './actions.js';
export { patternCovers, crnSegments, resourceKindOf, CRN_PREFIX } from './crn-pattern.js';
