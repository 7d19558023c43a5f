import { kafkaFault, type KafkaFaultAction } from '../control/kafka-faults.js';
import type { ApiModule, Session } from './api.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What an injected fault makes of one request: run it as usual, answer an error, or drop the connection. */
export type FaultOutcome = { kind: 'none' } | { kind: 'disconnect' } | { kind: 'error'; errorCode: number; afterRunning: boolean };

/**
 * The fault rules (`POST /_emulator/faults` with `method: KAFKA` and the API's name as
 * `operation_id`) applied to one request of an authenticated connection: a delay first, then a
 * dropped connection or an error code in the API's own response (after running the request when
 * the rule commits). An API whose response cannot carry an error code everywhere (Metadata,
 * ListOffsets, ...) drops the connection instead, which clients retry the same way.
 */
export async function injectedFault(session: Session, module: ApiModule): Promise<FaultOutcome> {
  const p = session.principal;
  if (!p) return { kind: 'none' };
  const action: KafkaFaultAction | undefined = kafkaFault(session.runtime.faults, { apiName: module.name, organizationId: p.orgId, apiKey: p.keyId });
  if (!action) return { kind: 'none' };
  if (action.delayMs) await sleep(action.delayMs);
  if (action.disconnect) return { kind: 'disconnect' };
  if (action.errorCode === undefined) return { kind: 'none' };
  if (!module.errorResponse) return { kind: 'disconnect' };
  return { kind: 'error', errorCode: action.errorCode, afterRunning: action.fault.commit === true };
}
