// When an invitation may be e-mailed again: never sent, its last e-mail failed for good (the
// cooldown is waived then), or sent before the cooldown. One SQL condition, used by the single
// resend's UPDATE (resend.ts) and by the bulk resend's candidates (bulk-resend-expired.ts), so that
// both apply the same rule. Never NULL (a CASE would read NULL as "not in the cooldown").
export function resendAllowedSql(invitation: string, now: string, cooldownSeconds: string): string {
  return `(${invitation}.last_sent_at IS NULL OR ${invitation}.delivery_status IS NOT DISTINCT FROM 'FAILED'
            OR ${invitation}.last_sent_at <= ${now} - make_interval(secs => ${cooldownSeconds}))`;
}
