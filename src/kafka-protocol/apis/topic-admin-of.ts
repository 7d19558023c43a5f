import type { Runtime } from '../../runtime.js';
import { recordLogOf } from '../../services/kafka/record-log.js';
import { TopicAdmin } from '../../services/kafka/topic-admin.js';

const admins = new WeakMap<Runtime, TopicAdmin>();

/** The topic rules shared with Kafka REST v3, over the runtime's shared mirroring. */
export function topicAdminOf(rt: Runtime): TopicAdmin {
  let a = admins.get(rt);
  if (!a) admins.set(rt, (a = new TopicAdmin(rt, recordLogOf(rt).mirroring)));
  return a;
}
