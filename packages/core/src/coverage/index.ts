export {
  type Contribution,
  type ResolvedCounterpart,
  resolveCounterpart,
  type SourceConflict,
  sourceConflicts,
  sourceContributions,
} from "./correspondence.js";
export { type Counterpart, SEED_STATEMENTS, type SeedStatement } from "./seed.js";
export { type TestRef, testOf } from "./tests.js";
