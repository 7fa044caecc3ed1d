// Verifiable random selection (双随机): the algorithms, the draw and its verification bundle.
export { type BundleInputs, type DrawBundle, DrawBundleSchema, verifyBundle } from './bundle.js';
export {
  ALGORITHMS,
  type Algorithm,
  DRAW_FORMAT,
  DrawInputError,
  type DrawInputs,
  type DrawResult,
  runDraw,
  snapshotHashes,
  type Verification,
  verifyDraw,
} from './draw.js';
