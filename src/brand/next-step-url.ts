// Where members go after enrolling (the sign-in URL of the product they join, a getting-started
// page): https everywhere, http only on this machine (a product run by a developer). The address
// is shown to every new member as a button: anything else could be read or changed on the way.
import { AppError } from '../errors/app-error.js';
import { isLoopbackHost } from '../sso/issuer-url.js';

export const URL_MAX_LENGTH = 2000;

/** The URL as given (trimmed), or brand.url_invalid naming the setting. */
export function checkNextStepUrl(key: string, text: string): string {
  const value = text.trim();
  const refuse = () => new AppError('brand.url_invalid', { key, url: value.slice(0, 200) }, 'invalid');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse();
  }
  const secure = url.protocol === 'https:';
  const local = url.protocol === 'http:' && isLoopbackHost(url.hostname);
  if (!(secure || local) || url.username || url.password || value.length > URL_MAX_LENGTH) throw refuse();
  return url.href;
}
