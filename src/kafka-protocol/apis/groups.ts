import type { ApiModule } from '../api.js';

/**
 * The consumer-group APIs (FindCoordinator, JoinGroup, SyncGroup, Heartbeat, LeaveGroup,
 * OffsetCommit, OffsetFetch, DescribeGroups, ListGroups): one module per file in this folder,
 * listed here.
 */
export const groupApis: ApiModule[] = [];
