// The pending list's two bulk actions by name, each with its preview (the count, nothing changed)
// and its run (the same criteria, under the organization's lock): what the CLI and the chat
// channels call, so that each channel picks an operation without knowing its module.
import { bulkResendExpired, previewBulkResend } from './bulk-resend-expired.js';
import { bulkRevokeStale, previewBulkRevoke } from './bulk-revoke-stale.js';

export const bulkOperations = {
  resend: { preview: previewBulkResend, run: bulkResendExpired },
  revoke: { preview: previewBulkRevoke, run: bulkRevokeStale },
} as const;

export type BulkOperation = keyof typeof bulkOperations;
