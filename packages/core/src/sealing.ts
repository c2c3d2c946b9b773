// `@stue/core/sealing`: sealing records to the hub's key (ECDH P-256 + AES-GCM) and opening them.
export {
  generateHubKeyPair,
  keyId,
  openSealed,
  openSealedJson,
  seal,
  SEAL_ALGORITHM,
  SEAL_CONTEXTS,
  sealedEnvelopeSchema,
  type HubPrivateKeyJwk,
  type HubPublicKeyJwk,
  type Jwk,
  type SealedEnvelope,
  type SealInput,
} from './sealing/seal.js';
export {
  SEALING_ERROR_CODES,
  StueSealingError,
  type SealingErrorCode,
} from './sealing/sealing-error.js';
