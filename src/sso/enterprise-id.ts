// An enterprise ID as the admin types it: the subject ("sub") the provider will send for the
// member. Compared exactly (providers' subjects are case-sensitive).
import { fail, ok, type Result } from '../errors/result.js';
import { notice } from '../i18n/messages.js';

export function checkEnterpriseId(text: string | undefined): Result<string> {
  const id = (text ?? '').trim();
  if (!id || id.length > 255 || /[\s\p{Cc}]/u.test(id)) return fail(notice('sso.enterprise_id_invalid', {}));
  return ok(id);
}
