// The seat request and decision e-mails (sent when no chat can carry them) say when the request
// is for external seats, in English and French, as the chat cards do.
import { describe, expect, it } from 'vitest';
import { noticeWords } from '../../src/email/templates/notice-texts.js';

const request = {
  org: 'iWE',
  requestId: 'r1',
  requestedBy: 'owner@iwe.example',
  seats: 2,
  limitBefore: 1,
  limitAfter: 3,
  invitees: ['a@jlo.example'],
  inviteeCount: 2,
};

describe('seat request e-mails for external seats', () => {
  it('name the external seats in the request, in English and French', () => {
    const en = noticeWords('en').seatRequest({ ...request, external: true });
    expect(en.subject).toBe('owner@iwe.example asks for 2 more external seats in iWE');
    expect(en.paragraphs[0]).toContain("beyond iWE's external seat limit");
    const fr = noticeWords('fr').seatRequest({ ...request, external: true });
    expect(fr.subject).toBe('owner@iwe.example demande 2 places externes de plus dans iWE');
    expect(fr.paragraphs[0]).toContain('au-delà de la limite de places externes de iWE');
    // The plan's seats keep their words.
    expect(noticeWords('en').seatRequest(request).subject).toBe('owner@iwe.example asks for 2 more seats in iWE');
  });

  it('name them in the decision too', () => {
    const decision = { org: 'iWE', approved: true, seats: 2, decidedBy: 'mia@iwe.example', reason: null };
    expect(noticeWords('en').seatDecision({ ...decision, external: true }).paragraphs[0]).toContain(
      'your request for 2 external seats',
    );
    expect(noticeWords('fr').seatDecision({ ...decision, external: true }).paragraphs[0]).toContain(
      'votre demande de 2 places externes',
    );
  });
});
