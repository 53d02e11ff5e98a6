// A fetch that counts each call to a chat platform's API by method and HTTP status (429s
// included), for SDKs that take a fetch function (@slack/web-api's `fetch` client option).
import { type ChatPlatform, metricsRecording, recordChatApiCall } from './record.js';

/** `methodOf` names the call from its URL; it must return a small, fixed set of names (labels). */
export function countedFetch(
  platform: ChatPlatform,
  methodOf: (url: URL) => string,
  fetchFn?: typeof fetch,
): typeof fetch {
  return async (input, init) => {
    // Resolved at each call, so that a fetch replaced later (tests, instrumentation) is used.
    const send = fetchFn ?? globalThis.fetch;
    if (!metricsRecording()) return send(input, init);
    const method = methodOf(new URL(input instanceof Request ? input.url : input));
    try {
      const response = await send(input, init);
      recordChatApiCall(platform, method, response.status);
      return response;
    } catch (error) {
      recordChatApiCall(platform, method, 'error');
      throw error;
    }
  };
}
