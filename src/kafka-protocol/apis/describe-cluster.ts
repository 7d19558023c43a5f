import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { ErrorCode } from '../error-codes.js';
import { CLUSTER_OPERATIONS, NOT_REQUESTED } from './metadata.js';

interface DescribeClusterRequest {
  includeClusterAuthorizedOperations: boolean;
}

interface DescribeClusterResponse {
  errorCode: number;
  errorMessage: string | null;
  clusterId: string;
  broker: { nodeId: number; host: string; port: number };
  clusterAuthorizedOperations: number;
}

/**
 * DescribeCluster (60) v0 (KIP-700, flexible): the cluster's `lkc-` id and its single broker, which
 * is the controller, as Metadata answers them.
 */
export const describeCluster: ApiModule<DescribeClusterRequest, DescribeClusterResponse> = {
  key: ApiKey.DescribeCluster,
  name: 'DescribeCluster',
  minVersion: 0,
  maxVersion: 0,
  firstFlexibleVersion: 0,
  decode(r) {
    const includeClusterAuthorizedOperations = r.boolean();
    r.taggedFields();
    return { includeClusterAuthorizedOperations };
  },
  handle(req, session) {
    const { nodeId, host, port } = session.advertised;
    // As Kafka, no permission is needed: Metadata tells as much.
    return {
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      clusterId: session.principal.clusterId,
      broker: { nodeId, host, port },
      clusterAuthorizedOperations: req.includeClusterAuthorizedOperations ? CLUSTER_OPERATIONS : NOT_REQUESTED,
    };
  },
  encode(w, res) {
    w.int32(0).int16(res.errorCode).compactNullableString(res.errorMessage).compactString(res.clusterId).int32(res.broker.nodeId);
    w.compactArray([res.broker], (w, b) => w.int32(b.nodeId).compactString(b.host).int32(b.port).compactNullableString(null).taggedFields());
    w.int32(res.clusterAuthorizedOperations);
    w.taggedFields();
  },
};
