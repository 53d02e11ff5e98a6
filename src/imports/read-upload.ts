// The body of a downloaded import file (a Slack upload, a Teams attachment), refused past the
// drafts' size limit as it arrives.
import { readLimited } from '../http/read-limited.js';
import { MAX_DRAFT_BYTES, tooLarge } from './save-import-draft.js';

export async function readUpload(res: Response): Promise<Buffer> {
  const bytes = await readLimited(res.body, MAX_DRAFT_BYTES);
  if (!bytes) {
    await res.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  return bytes;
}
