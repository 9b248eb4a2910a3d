// Checks an EVE SSO access token (a JWT) the way CCP documents it, with the jose library: RS256
// signature against CCP's published keys (picked by kid), issuer, audience (our client id and "EVE
// Online") and expiry; then reads the character from `sub`.
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';

/** Both forms CCP has issued tokens with. */
export const EVE_SSO_ISSUERS = ['login.eveonline.com', 'https://login.eveonline.com'];
const EVE_AUDIENCE = 'EVE Online';
const SUBJECT = /^CHARACTER:EVE:(\d{1,10})$/;

export interface ProvenCharacter {
  characterId: number;
  /** The character's name as SSO states it. */
  name: string | undefined;
}

/** The token is not one we can trust; `reason` says why, in words for the member. */
export class TokenRejectedError extends Error {
  constructor(readonly reason: string) {
    super(`EVE SSO token rejected: ${reason}`);
    this.name = 'TokenRejectedError';
  }
}

export type EveTokenVerifier = (accessToken: string) => Promise<ProvenCharacter>;

export function createEveTokenVerifier(options: {
  jwksUrl: string;
  clientId: string;
  userAgent: string;
}): EveTokenVerifier {
  const keys = createRemoteJWKSet(new URL(options.jwksUrl), {
    headers: { 'user-agent': options.userAgent },
  });
  return async (accessToken) => {
    let payload;
    try {
      ({ payload } = await jwtVerify(accessToken, keys, {
        algorithms: ['RS256'],
        issuer: EVE_SSO_ISSUERS,
        audience: options.clientId,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw new TokenRejectedError(rejectionReason(error));
    }
    const audience = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audience.includes(EVE_AUDIENCE)) {
      throw new TokenRejectedError('the token is not meant for EVE Online (audience)');
    }
    const subject = SUBJECT.exec(payload.sub ?? '');
    const characterId = Number(subject?.[1]);
    if (!subject || !Number.isSafeInteger(characterId) || characterId <= 0) {
      throw new TokenRejectedError('the token does not name an EVE character');
    }
    return { characterId, name: typeof payload.name === 'string' ? payload.name : undefined };
  };
}

function rejectionReason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'the token was not issued by EVE SSO (issuer)';
    if (error.claim === 'aud') return 'the token was issued for another application (client id)';
    return `the token's ${error.claim} claim is not valid`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return "the token's signature does not match EVE SSO's keys";
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return "EVE SSO's signing keys could not be fetched";
  }
  if (error instanceof errors.JOSEError) return `the token is not valid (${error.code})`;
  return "EVE SSO's signing keys could not be fetched";
}
