import type { HandlerMap } from '../contract/handler.js';
import type { Runtime } from '../runtime.js';
import { badRequest } from '../core/errors.js';
import { crnSegments, isAction, ACTIONS } from '../authorization/index.js';

/**
 * `GET /_emulator/authorization`: the decision on a principal, action and CRN, and what decided it.
 * `POST /_emulator/sso/sign-in`: a user's SSO session with the groups its identity provider asserts.
 */
export function authorizationHandlers(rt: Runtime): HandlerMap {
  return {
    getEmulatorAuthorization: (ctx) => {
      const principal = String(ctx.query.principal);
      const action = String(ctx.query.action).toUpperCase();
      const crn = String(ctx.query.crn);
      if (!/^(User|Group):.+$/.test(principal)) throw badRequest('principal must look like User:sa-abc123', { parameter: 'principal' });
      if (!isAction(action)) throw badRequest(`action must be one of ${ACTIONS.join(', ')}`, { parameter: 'action' });
      if (!crn.startsWith('crn://') || !crnSegments(crn).length) throw badRequest('crn must be a CRN such as crn://confluent.cloud/organization=<id>/environment=<env>', { parameter: 'crn' });
      const groups = typeof ctx.query.groups === 'string' ? ctx.query.groups.split(',').map((g) => g.trim()).filter(Boolean) : undefined;
      const kafka = kafkaRequestOf(crn);
      if (kafka && groups) throw badRequest('groups apply to SSO sessions on the Cloud APIs, not to Kafka, whose API keys carry no groups', { parameter: 'groups' });
      const decision = kafka
        ? rt.authorizer.decideKafka({ ...kafka, principal, operation: action, host: String(ctx.query.host ?? '*') })
        : rt.authorizer.decide(principal, action, crn, groups);
      const org = crnSegments(crn).find((s) => s.kind === 'organization')?.value;
      const mappings = groups && org ? { group_mappings: rt.authorizer.resolveGroups(org, groups).mappings } : {};
      return { status: 200, body: { enforced: rt.config.authorization === 'enforce', ...decision, ...mappings } };
    },
    signInEmulatorSso: (ctx) => {
      const body = ctx.body as { user_id: string; groups: string[]; expires_in?: number };
      const user = rt.resources.getInAnyOrg('User', body.user_id);
      if (!user) throw badRequest(`User '${body.user_id}' does not exist`, { pointer: '/user_id' });
      const lifetime = body.expires_in ?? 3600;
      const groups = [...new Set(body.groups)];
      return {
        status: 200,
        body: {
          access_token: rt.accessTokens.issueSso(user.org_id, user.id, groups, lifetime),
          token_type: 'Bearer',
          expires_in: lifetime,
          user_id: user.id,
          organization_id: user.org_id,
          groups,
          group_mappings: rt.authorizer.resolveGroups(user.org_id, groups).mappings,
        },
      };
    },
  };
}

const KAFKA_TYPES: Record<string, string> = { topic: 'TOPIC', group: 'GROUP', 'transactional-id': 'TRANSACTIONAL_ID' };

/** A CRN inside a Kafka cluster's data plane (`…/kafka=lkc-1/topic=orders`) is decided with the ACLs too. */
function kafkaRequestOf(crn: string) {
  const s = crnSegments(crn);
  const org = s.find((x) => x.kind === 'organization')?.value;
  const k = s.findIndex((x) => x.kind === 'kafka');
  if (!org || k < 0 || s.length > k + 2) return undefined;
  const leaf = s[k + 1];
  if (leaf && !KAFKA_TYPES[leaf.kind]) return undefined;
  return { orgId: org, clusterId: s[k].value, resourceType: leaf ? KAFKA_TYPES[leaf.kind] : 'CLUSTER', resourceName: leaf ? leaf.value : 'kafka-cluster' };
}
