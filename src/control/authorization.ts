import type { HandlerMap } from '../contract/handler.js';
import type { Runtime } from '../runtime.js';
import { badRequest } from '../core/errors.js';
import { crnSegments, isAction, ACTIONS } from '../authorization/index.js';

/** `GET /_emulator/authorization`: the decision on a principal, action and CRN, and what decided it. */
export function authorizationHandlers(rt: Runtime): HandlerMap {
  return {
    getEmulatorAuthorization: (ctx) => {
      const principal = String(ctx.query.principal);
      const action = String(ctx.query.action).toUpperCase();
      const crn = String(ctx.query.crn);
      if (!/^(User|Group):.+$/.test(principal)) throw badRequest('principal must look like User:sa-abc123', { parameter: 'principal' });
      if (!isAction(action)) throw badRequest(`action must be one of ${ACTIONS.join(', ')}`, { parameter: 'action' });
      if (!crn.startsWith('crn://') || !crnSegments(crn).length) throw badRequest('crn must be a CRN such as crn://confluent.cloud/organization=<id>/environment=<env>', { parameter: 'crn' });
      const kafka = kafkaRequestOf(crn);
      const decision = kafka
        ? rt.authorizer.decideKafka({ ...kafka, principal, operation: action, host: String(ctx.query.host ?? '*') })
        : rt.authorizer.decide(principal, action, crn);
      return { status: 200, body: { enforced: rt.config.authorization === 'enforce', ...decision } };
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
