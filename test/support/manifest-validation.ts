// The Teams app manifest checked against Microsoft's JSON schema of its manifestVersion, kept in
// manifests/teams/schema/ (the tests run offline; @microsoft/teams-manifest would download it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';

const SCHEMA_DIR = join(import.meta.dirname, '..', '..', 'manifests', 'teams', 'schema');

/** The schema's errors for this manifest ('' when it is valid); throws when no schema is kept for its version. */
export function teamsManifestProblems(manifest: { manifestVersion?: unknown }): string[] {
  const version = String(manifest.manifestVersion);
  const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, `MicrosoftTeams.v${version}.schema.json`), 'utf8'));
  // Draft-04, which ajv 8 reads as draft-07 once its `$schema` is dropped: this schema uses
  // nothing the two drafts disagree on (no boolean exclusiveMinimum/Maximum, no `id` keyword).
  delete schema.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  const check = ajv.compile(schema);
  return check(manifest) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
