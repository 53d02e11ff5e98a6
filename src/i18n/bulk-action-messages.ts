// Refusals of the pending list's bulk actions (src/invitations/bulk-*.ts), in English and French.
// Part of `messages`: channels render them through `translate()`.
import { bilingual } from './message.js';

export const bulkActionMessages = {
  'bulk.days_invalid': bilingual<{ days: string; min: number; max: number }>(
    (p) => `"${p.days}" is not a usable number of days: type a whole number from ${p.min} to ${p.max}.`,
    (p) =>
      `« ${p.days} » n'est pas un nombre de jours utilisable\u00a0: saisissez un nombre entier de ${p.min} à ${p.max}.`,
  ),
};
