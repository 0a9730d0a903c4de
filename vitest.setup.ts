/**
 * Property tests draw new inputs on every local run (that is how they find bugs), but CI must be
 * deterministic: under CI=true every fast-check run starts from one fixed seed, FC_SEED overriding
 * it. A failure prints its seed and path either way, so it can be replayed.
 */
import fc from 'fast-check';

const fixed = process.env['FC_SEED'] ?? (process.env['CI'] === 'true' ? '20261129' : undefined);
if (fixed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(fixed) });
