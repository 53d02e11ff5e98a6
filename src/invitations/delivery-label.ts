// What became of an invitation's e-mail, in words, for the lists (CLI, chat). NULL: nothing
// recorded yet, the e-mail is waiting in the outbox.
import type { DeliveryStatus } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/locale.js';

const labels: Record<Locale, Record<DeliveryStatus, string>> = {
  en: {
    QUEUED: 'queued',
    SENT: 'sent',
    DELIVERED: 'delivered',
    BOUNCED: 'bounced',
    DROPPED: 'dropped',
    FAILED: 'failed',
  },
  fr: {
    QUEUED: 'en file',
    SENT: 'envoyée',
    DELIVERED: 'remise',
    BOUNCED: 'rejetée',
    DROPPED: 'écartée',
    FAILED: 'échec',
  },
};

export const deliveryLabel = (status: DeliveryStatus | null, locale: Locale): string =>
  labels[locale][status ?? 'QUEUED'];

/** Worth showing beside an invitation in a chat list: anything but "sent" (or nothing recorded yet). */
export const noteworthyDelivery = (status: DeliveryStatus | null): status is DeliveryStatus =>
  status !== null && status !== 'SENT';
