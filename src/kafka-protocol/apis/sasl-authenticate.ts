import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { ErrorCode } from '../error-codes.js';
import { authenticatePlain } from '../sasl.js';

interface SaslAuthenticateRequest {
  authBytes: Buffer;
}

interface SaslAuthenticateResponse {
  errorCode: number;
  errorMessage: string | null;
}

/**
 * SaslAuthenticate (36) v0-1: a SASL/PLAIN token. On success the connection's principal is set;
 * on failure the answer is SASL_AUTHENTICATION_FAILED (58) and the connection closes after it.
 */
export const saslAuthenticate: ApiModule<SaslAuthenticateRequest, SaslAuthenticateResponse> = {
  key: ApiKey.SaslAuthenticate,
  name: 'SaslAuthenticate',
  minVersion: 0,
  maxVersion: 1,
  beforeAuthentication: true,
  decode: (r) => ({ authBytes: Buffer.from(r.bytes()) }),
  handle(req, session) {
    if (session.principal) return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, errorMessage: 'Already authenticated' };
    const result = authenticatePlain(session.runtime, req.authBytes);
    if (!result.principal) return { errorCode: ErrorCode.SASL_AUTHENTICATION_FAILED, errorMessage: result.message ?? 'Authentication failed' };
    session.principal = result.principal;
    return { errorCode: ErrorCode.NONE, errorMessage: null };
  },
  encode(w, res, version) {
    w.int16(res.errorCode).nullableString(res.errorMessage).bytes(Buffer.alloc(0));
    if (version >= 1) w.int64(0); // session_lifetime_ms: 0, no re-authentication
  },
};
