import type { ResourceRow } from '../../store/resources.js';
import type { Runtime } from '../../runtime.js';
import { liveBootstrapEndpoint } from '../cmk/bootstrap.js';

/*
 * Resource type names, limits, and the state each object keeps in its row's internal column
 * (never rendered: the API does not show it).
 */

export const PROVIDER_SHARE = 'CdxProviderShare';
export const PROVIDER_SHARED_RESOURCE = 'CdxProviderSharedResource';
export const CONSUMER_SHARE = 'CdxConsumerShare';
export const CONSUMER_SHARED_RESOURCE = 'CdxConsumerSharedResource';
export const OPT_IN = 'CdxOptIn';
export const IMAGE = 'CdxSharedResourceImage';

/** Confluent's invitations can be redeemed for a week. */
export const INVITE_MS = 7 * 24 * 3600 * 1000;
/** Confluent emails the token; the emulator answers it in this header instead. */
export const TOKEN_HEADER = 'x-emulator-shared-token';

/** The largest image a provider shared resource takes (Confluent documents no limit). */
export const IMAGE_MAX_BYTES = 1024 * 1024;

/** A list limit above any organization's row count: "every row". */
export const ALL = 1_000_000;

export interface ProviderInternal {
  shared_resource: string;
  /** The ids the consumer share and consumer shared resource get when the share is redeemed. */
  consumer_ids: { share: string; resource: string };
  /** Set when the share is redeemed. */
  consumer?: { org: string; share: string; resource: string; service_account: string };
}
export interface ConsumerInternal {
  provider: { org: string; share: string; shared_resource: string; cluster: string };
  shared_resource?: string;
  consumer_share?: string;
}

/** An image row's body (image rows are never rendered). */
export interface StoredImage {
  shared_resource: string;
  file_name: string;
  content_type: string;
  size: number;
  /** The bytes, base64. */
  data: string;
}

export const internal = <T>(row: ResourceRow) => row.internal as unknown as T;

/**
 * A shared cluster's bootstrap as Stream Sharing answers it: a URI (`SASL://host:9092`, Confluent's
 * own example), since `SASL_SSL` is not a valid URI scheme (no underscore is allowed in one). It is
 * the cluster's live bootstrap as of this request, the address the cluster itself shows.
 */
export const bootstrapUrlOf = (rt: Runtime, baseUrl: string, cluster: { body: unknown }): string =>
  liveBootstrapEndpoint(rt, baseUrl, cluster).replace(/^SASL_SSL:\/\//, 'SASL://');
