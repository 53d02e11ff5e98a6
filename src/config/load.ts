// Boot-time configuration: reads .env when present, validates, and stops the process with a
// single line when something is wrong.
import { existsSync } from 'node:fs';
import { ConfigError, type Env, parseEnv } from './env.js';

export function loadConfig(): Env {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return parseEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
