import type { Engine } from '../../engine/engine.js';
import type { ResourceHooks } from '../../engine/hooks.js';
import type { HandlerMap } from '../../contract/handler.js';
import { consumerHandlers } from './consumer.js';
import { imageHandlers, imageHooks } from './images.js';
import { optInHandlers } from './opt-in.js';
import { providerSharedResourceHandlers, providerSharedResourceHooks } from './provider-shared-resources.js';
import { providerShareHandlers } from './provider-shares.js';
import { redeemHandlers } from './redeem.js';
import { internalHooks } from './rows.js';

export { CONSUMER_SHARE, CONSUMER_SHARED_RESOURCE, INVITE_MS, PROVIDER_SHARE, PROVIDER_SHARED_RESOURCE } from './constants.js';

/*
 * Stream Sharing (cdx/v1). A provider share names one topic of a Kafka cluster of the provider's
 * organization (and Schema Registry subjects of its environment), kept on the provider shared
 * resource that every share of the same topic and subjects points at. Confluent emails the
 * consumer a token; the emulator sends nothing and answers the token in X-Emulator-Shared-Token.
 * Redeeming it (as a user with the share's email, in any organization) makes the share ACTIVE,
 * creates the consumer share and consumer shared resource in the redeemer's organization, and
 * issues API keys of a service account of the provider's organization scoped to the shared
 * clusters, which the data planes accept at once. Either side's delete deactivates both sides and
 * deletes that service account (and so its keys).
 *
 * What the API does not show is kept in the rows' internal column, which is never rendered. Images
 * are rows of their own (CdxSharedResourceImage), never rendered either.
 *
 *   constants.ts                  type names, limits, the internal state's shapes
 *   crn.ts                        CRN parsing
 *   rows.ts                       storing rows through their repositories (and refusing the engine's create)
 *   render.ts                     rendering rows, references, phases and party names
 *   list.ts                       filtered, hand-paged lists
 *   resolve.ts                    a share's resources checked against the organization's state
 *   tokens.ts                     signing and validating shared tokens
 *   opt-in.ts                     the organization's Stream Sharing switch
 *   provider-shared-resources.ts  finding/creating, listing and updating provider shared resources
 *   provider-shares.ts            provider shares: invite, list, resend, delete
 *   redeem.ts                     previewing and redeeming a token
 *   consumer.ts                   consumer shares and consumer shared resources
 *   images.ts                     the images of provider shared resources, as both sides read them
 *   deactivate.ts                 deactivating both sides of a share
 */

export const cdxHooks: Record<string, ResourceHooks> = {
  'cdx.internal': internalHooks,
  'cdx.provider-shared-resource': providerSharedResourceHooks,
  'cdx.image': imageHooks,
};

export const cdxHandlers = (engine: Engine): HandlerMap => ({
  ...optInHandlers(engine),
  ...providerShareHandlers(engine),
  ...providerSharedResourceHandlers(engine),
  ...redeemHandlers(engine),
  ...consumerHandlers(engine),
  ...imageHandlers(engine),
});
