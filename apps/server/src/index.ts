export { createApp, type AppDeps } from './app.js';
export { readConfig, DEFAULT_CONFIG, ConfigError, type ServerConfig } from './config.js';
export { main } from './main.js';
export { ProblemSchema, type Problem } from './problems.js';
export type { App } from './types.js';
