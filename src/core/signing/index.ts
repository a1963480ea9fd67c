// The signing core: REST and WebSocket signatures, their step-by-step traces, credential checks,
// nonces and the signature doctor. Pure Node, no vscode: shared by the extension, CLI and simulator.
export { sign, computeAuthent, endpointPathOf, decodeSecretKey, hmacKeyOf, type SignInput, type SignResult } from './sign';
export { signWithTrace, type SignatureStep, type SignatureStepId, type TracedSignResult } from './signatureTrace';
export { signChallenge, signChallengeWithTrace, type TracedChallenge } from './challenge';
export {
  validateSecret,
  validateApiKey,
  type SecretCheck,
  type ApiKeyCheck,
  type SecretProblem,
  type ApiKeyProblem,
  type SecretProblemCode,
  type ApiKeyProblemCode,
  type CheckSeverity,
} from './credentialCheck';
export { fingerprint, secretFingerprint } from './fingerprint';
export { NonceSource, type NonceSourceOptions, type NonceLike } from './nonceSource';
export {
  diagnoseSignature,
  describeAuthentShape,
  SignatureInputError,
  type DiagnoseInput,
  type Diagnosis,
  type DoctorMistakeId,
  type ComparisonLine,
} from './signatureDoctor';
export { RECIPES, type MistakeId, type SignatureRecipe, type RecipeInput, type RecipeCandidate } from './signatureRecipes';
