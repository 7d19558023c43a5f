import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { ErrorCode } from '../error-codes.js';
import { SASL_MECHANISMS } from '../sasl.js';

interface SaslHandshakeRequest {
  mechanism: string;
}

interface SaslHandshakeResponse {
  errorCode: number;
  mechanisms: readonly string[];
}

/** SaslHandshake (17) v0-1: PLAIN only. v0 means the SASL tokens follow as bare frames. */
export const saslHandshake: ApiModule<SaslHandshakeRequest, SaslHandshakeResponse> = {
  key: ApiKey.SaslHandshake,
  name: 'SaslHandshake',
  minVersion: 0,
  maxVersion: 1,
  beforeAuthentication: true,
  decode: (r) => ({ mechanism: r.string() }),
  handle(req, session) {
    if (session.principal) return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, mechanisms: SASL_MECHANISMS };
    const supported = (SASL_MECHANISMS as readonly string[]).includes(req.mechanism);
    return { errorCode: supported ? ErrorCode.NONE : ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms: SASL_MECHANISMS };
  },
  encode(w, res) {
    w.int16(res.errorCode).array(res.mechanisms, (w, m) => w.string(m));
  },
};
