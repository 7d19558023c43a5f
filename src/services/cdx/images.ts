import { ApiError, badRequest, notFound } from '../../core/errors.js';
import type { Engine } from '../../engine/engine.js';
import type { ResourceHooks } from '../../engine/hooks.js';
import type { AuthenticatedContext, HandlerMap, Reply } from '../../contract/handler.js';
import type { ResourceRow } from '../../store/resources.js';
import {
  CONSUMER_SHARED_RESOURCE,
  IMAGE,
  IMAGE_MAX_BYTES,
  PROVIDER_SHARE,
  PROVIDER_SHARED_RESOURCE,
  internal,
  type ConsumerInternal,
  type StoredImage,
} from './constants.js';
import { phaseOf } from './render.js';
import { insertRow, issueId, liveRow, save } from './rows.js';
import { encodeSegment } from '../../core/url.js';

/*
 * The images of a provider shared resource: one row each, keyed by the shared resource and the
 * file name, with the bytes base64 in the body. Such rows are never rendered; the engine deletes
 * them with their shared resource (its declared cascade). The consumer reads the images of the
 * provider shared resource its share names while the share is live.
 */

export const imageHooks: ResourceHooks = {
  beforeCreate() {
    throw badRequest('Stream Sharing images are created through cdx/v1 only');
  },
  /** A deleted image keeps no bytes. */
  beforeDelete(_h, row) {
    (row.body as Partial<StoredImage>).data = '';
  },
};

const unsupportedMediaType = (detail: string) => new ApiError({ status: 415, code: 'unsupported_media_type', title: 'Unsupported Media Type', detail, errorCode: 415 });

/** The media type of what `image/*` names, by the bytes' signature. */
function sniff(bytes: Buffer): string | undefined {
  const starts = (sig: number[] | string, at = 0) => (typeof sig === 'string' ? Buffer.from(sig, 'latin1') : Buffer.from(sig)).equals(bytes.subarray(at, at + sig.length));
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts('GIF87a') || starts('GIF89a')) return 'image/gif';
  if (starts('RIFF') && starts('WEBP', 8)) return 'image/webp';
  if (starts('BM')) return 'image/bmp';
  const text = bytes.subarray(0, 4096).toString('utf8');
  if (text.trimStart().startsWith('<') && /<svg[\s>]/i.test(text)) return 'image/svg+xml';
  return undefined;
}

/** The media type an upload is stored with: the one sent, or for `image/*` the one its bytes show. */
function mediaTypeOf(contentType: string | string[] | undefined, bytes: Buffer): string {
  const sent = String(contentType ?? '').split(';')[0].trim().toLowerCase();
  if (!/^image\/[\w!#$%&'*+.^`|~-]+$/.test(sent)) throw unsupportedMediaType('The request body must be an image (image/png, image/jpeg, ...)');
  if (sent !== 'image/*') return sent;
  const sniffed = sniff(bytes);
  if (!sniffed) throw unsupportedMediaType('The image format is not recognized: send the image in its own media type (image/png, image/jpeg, ...)');
  return sniffed;
}

/** The live image of a provider shared resource, if any. */
const imageOf = (engine: Engine, sr: ResourceRow, fileName: string) =>
  engine.repository(IMAGE).where(sr.org_id, '/shared_resource', sr.id).find((r) => (r.body as unknown as StoredImage).file_name === fileName);

function requireImage(engine: Engine, sr: ResourceRow, fileName: string): ResourceRow {
  const row = imageOf(engine, sr, fileName);
  if (!row) throw notFound(`The image '${fileName}' of the shared resource '${sr.id}' was not found`);
  return row;
}

/** The image's bytes, with the media type it was uploaded with. */
function imageReply(row: ResourceRow): Reply {
  const image = row.body as unknown as StoredImage;
  return { status: 200, headers: { 'content-type': image.content_type }, body: Buffer.from(image.data, 'base64') };
}

/** The provider shared resource a consumer shared resource shows while its share is live, or 404. */
function providerSideOf(engine: Engine, ctx: AuthenticatedContext): ResourceRow {
  const p = internal<ConsumerInternal>(liveRow(engine, ctx, CONSUMER_SHARED_RESOURCE)).provider;
  const share = engine.repository(PROVIDER_SHARE).get(p.org, p.share);
  if (!share || phaseOf(engine, share) !== 'ACTIVE') throw notFound(`The share of the shared resource '${ctx.params.id}' is no longer active`);
  const sr = engine.repository(PROVIDER_SHARED_RESOURCE).get(p.org, p.shared_resource);
  if (!sr) throw notFound(`The shared resource '${ctx.params.id}' no longer exists`);
  return sr;
}

export const imageHandlers = (engine: Engine): HandlerMap => ({
  upload_imageCdxV1ProviderSharedResource: (ctx) => {
    const rt = engine.rt;
    const fileName = ctx.params.file_name;
    // The body is checked first, as the request pipeline checks bodies before any lookup.
    const bytes: unknown = ctx.body;
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw badRequest('The request body is required: the image\'s bytes');
    if (bytes.length > IMAGE_MAX_BYTES) {
      throw new ApiError({ status: 413, code: 'payload_too_large', title: 'Payload Too Large', detail: `An image may not exceed ${IMAGE_MAX_BYTES} bytes`, errorCode: 413 });
    }
    const contentType = mediaTypeOf(ctx.headers['content-type'], bytes);
    const sr = liveRow(engine, ctx, PROVIDER_SHARED_RESOURCE);
    const image: StoredImage = { shared_resource: sr.id, file_name: fileName, content_type: contentType, size: bytes.length, data: bytes.toString('base64') };
    rt.tx(() => {
      const existing = imageOf(engine, sr, fileName);
      if (existing) {
        existing.body = { ...image };
        save(engine, existing);
      } else insertRow(engine, IMAGE, sr.org_id, issueId(engine, IMAGE), { ...image });
    });
    const location = `${ctx.baseUrl}/cdx/v1/provider-shared-resources/${encodeSegment(sr.id)}/images/${encodeSegment(fileName)}`;
    return { status: 201, headers: { location } };
  },

  view_imageCdxV1ProviderSharedResource: (ctx) => imageReply(requireImage(engine, liveRow(engine, ctx, PROVIDER_SHARED_RESOURCE), ctx.params.file_name)),

  delete_imageCdxV1ProviderSharedResource: (ctx) => {
    const sr = liveRow(engine, ctx, PROVIDER_SHARED_RESOURCE);
    engine.rt.tx(() => engine.delete(engine.decl(IMAGE), requireImage(engine, sr, ctx.params.file_name), ctx.baseUrl));
    return { status: 204 };
  },

  imageCdxV1ConsumerSharedResource: (ctx) => imageReply(requireImage(engine, providerSideOf(engine, ctx), ctx.params.file_name)),
});
