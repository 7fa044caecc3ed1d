// Personal-information recognizers and redaction for published decisions (issue 7 item 2). Pure and
// dependency-free: the server and the console's redaction editor both import from here.

export { findPii } from './find.js';
export { isResidentId, isUscc, usccCheckChar } from './ids.js';
export { maskAccount, maskEmail, maskLandline, maskMobile, maskName, maskResidentId } from './masks.js';
export { defaultReview, type RedactedSpan, type Redaction, redact } from './redact.js';
export {
  type Confidence,
  type Finding,
  type NamePolicy,
  PII_KINDS,
  type PiiKind,
  type PiiOptions,
  type ReviewedFinding,
} from './types.js';
