import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';

interface FindCoordinatorRequest {
  key: string;
  /** 0: a consumer group, 1: a transactional id. */
  keyType: number;
}

interface FindCoordinatorResponse {
  errorCode: number;
  errorMessage: string | null;
  nodeId: number;
  host: string;
  port: number;
}

const KEY_TYPE_GROUP = 0;
const KEY_TYPE_TRANSACTION = 1;

/** FindCoordinator (10) v0-2: the single broker coordinates every group (and transactional id). */
export const findCoordinator: ApiModule<FindCoordinatorRequest, FindCoordinatorResponse> = {
  key: ApiKey.FindCoordinator,
  name: 'FindCoordinator',
  minVersion: 0,
  maxVersion: 2,
  decode(r, version) {
    const key = r.string();
    return { key, keyType: version >= 1 ? r.int8() : KEY_TYPE_GROUP };
  },
  handle(req, session) {
    const refuse = (errorCode: number, errorMessage: string): FindCoordinatorResponse => ({ errorCode, errorMessage, nodeId: -1, host: '', port: -1 });
    if (req.keyType !== KEY_TYPE_GROUP && req.keyType !== KEY_TYPE_TRANSACTION) return refuse(ErrorCode.INVALID_REQUEST, `Unknown coordinator key type ${req.keyType}.`);
    const resourceType = req.keyType === KEY_TYPE_GROUP ? 'Group' : 'TransactionalId';
    if (!authorize(session, 'Describe', resourceType, req.key)) return refuse(authorizationError(resourceType), `Not authorized to access ${resourceType === 'Group' ? 'group' : 'transactional id'} ${req.key}.`);
    const { host, port, nodeId } = session.advertised;
    return { errorCode: ErrorCode.NONE, errorMessage: null, nodeId, host, port };
  },
  encode(w, res, version) {
    if (version >= 1) w.int32(0);
    w.int16(res.errorCode);
    if (version >= 1) w.nullableString(res.errorMessage);
    w.int32(res.nodeId).string(res.host).int32(res.port);
  },
  errorResponse: (_req, errorCode) => ({ errorCode, errorMessage: null, nodeId: -1, host: '', port: -1 }),
};
