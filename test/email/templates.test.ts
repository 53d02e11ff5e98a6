import { describe, expect, it } from 'vitest';
import { fillLayout } from '../../src/email/compose.js';
import { type InvitationEmailData, renderInvitationEmail } from '../../src/email/templates/invitation.js';
import { renderMemberAddedEmail } from '../../src/email/templates/member-added.js';
import { attr, parseHtml, textOf } from './html.js';

const link = 'https://sesame.example.com/accept/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';
const hostileMessage = `Welcome <script>alert("hi")</script> & 'co' [[sesame:t:link]]\nSee you Monday`;

const invitation = (overrides: Partial<InvitationEmailData> = {}): InvitationEmailData => ({
  locale: 'en',
  reason: 'invite',
  organizationName: 'Isocarto <GIS>',
  inviterName: 'Jeanne "JD" Dupont',
  invitee: { email: 'paul@example.com', firstName: 'Paul' },
  roleName: 'Publisher',
  message: hostileMessage,
  expiresAt: new Date('2026-12-14T09:38:00Z'),
  acceptUrl: link,
  ...overrides,
});

describe('the invitation e-mail', () => {
  it('says everything in English, in HTML a mail client can parse, with every value escaped', () => {
    const email = renderInvitationEmail(invitation());
    expect(email.subject).toBe('Jeanne "JD" Dupont invited you to join Isocarto <GIS>');
    const html = parseHtml(email.html);
    expect(attr(html.elements('html')[0] as never, 'lang')).toBe('en');

    const links = html.elements('a').filter((a) => attr(a, 'href') === link);
    expect(links).toHaveLength(2);
    expect(textOf(links[0] as never).trim()).toBe('Accept the invitation');
    expect(textOf(links[1] as never).trim()).toBe(link);

    // The message is text, not markup: no script element, every character shown as typed.
    expect(html.elements('script')).toHaveLength(0);
    expect(html.text).toContain(`Welcome <script>alert("hi")</script> & 'co' [[sesame:t:link]]`);
    expect(html.text).toContain('See you Monday');
    expect(html.elements('br').length).toBeGreaterThan(0);
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<GIS>');

    expect(html.text).toContain('Hello Paul,');
    expect(html.text).toContain('Jeanne "JD" Dupont invited you to join Isocarto <GIS> with the Publisher role.');
    expect(html.text).toContain(
      "Joining Isocarto <GIS>'s subscription gives you access to its content and tools, and uses one of its seats.",
    );
    expect(html.text).toContain('Jeanne "JD" Dupont wrote:');
    expect(html.text).toContain('This invitation expires on 14 December 2026 at 09:38 UTC.');
    expect(html.text).toContain('invited paul@example.com to join');

    // Built for mail clients: layout tables, inline styles, no style sheet.
    expect(html.elements('table').length).toBeGreaterThan(2);
    for (const table of html.elements('table')) expect(attr(table, 'role')).toBe('presentation');
    expect(html.elements('style')).toHaveLength(0);
    expect(attr(links[0] as never, 'style')).toContain('color:#ffffff');
  });

  it('has a plain-text part with the same content', () => {
    const email = renderInvitationEmail(invitation());
    expect(email.text).toContain('Hello Paul,');
    expect(email.text).toContain('Jeanne "JD" Dupont invited you to join Isocarto <GIS> with the Publisher role.');
    expect(email.text).toContain(`Accept the invitation:\n${link}\n`);
    expect(email.text).toContain(`> Welcome <script>alert("hi")</script> & 'co' [[sesame:t:link]]\n> See you Monday`);
    expect(email.text).toContain('This invitation expires on 14 December 2026 at 09:38 UTC.');
  });

  it('speaks French for a French organization', () => {
    const email = renderInvitationEmail(
      invitation({
        locale: 'fr',
        roleName: 'Publication',
        message: 'Bienvenue à bord !',
        invitee: { email: 'paul@example.com', firstName: '' },
      }),
    );
    expect(email.subject).toBe('Jeanne "JD" Dupont vous invite à rejoindre Isocarto <GIS>');
    const html = parseHtml(email.html);
    expect(attr(html.elements('html')[0] as never, 'lang')).toBe('fr');
    const button = html.elements('a').find((a) => attr(a, 'href') === link);
    expect(textOf(button as never).trim()).toBe("Accepter l'invitation");
    expect(html.text).toContain('Bonjour,');
    expect(html.text).toContain('vous invite à rejoindre Isocarto <GIS> avec le rôle Publication.');
    expect(html.text).toContain(
      "Rejoindre l'abonnement de Isocarto <GIS> vous donne accès à ses contenus et à ses outils, et occupe l'une de ses places.",
    );
    expect(html.text).toContain('Message de Jeanne "JD" Dupont :');
    expect(html.text).toContain('Bienvenue à bord !');
    expect(html.text).toContain('Cette invitation expire le 14 décembre 2026 à 09:38 UTC.');
    expect(html.text).toContain('Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :');
    expect(email.text).toContain(`Accepter l'invitation :\n${link}`);
  });

  it('leaves out the message block when the admin wrote none', () => {
    const email = renderInvitationEmail(invitation({ message: null }));
    expect(email.text).not.toContain('wrote:');
    expect(parseHtml(email.html).text).not.toContain('wrote:');
  });

  it('has reminder and resend variants', () => {
    const reminder = renderInvitationEmail(invitation({ reason: 'reminder' }));
    expect(reminder.subject).toBe('Reminder: Jeanne "JD" Dupont invited you to join Isocarto <GIS>');
    expect(parseHtml(reminder.html).text).toContain('the invitation is still waiting for you');
    const rappel = renderInvitationEmail(invitation({ reason: 'reminder', locale: 'fr' }));
    expect(rappel.subject).toBe('Rappel : Jeanne "JD" Dupont vous invite à rejoindre Isocarto <GIS>');
    expect(parseHtml(rappel.html).text).toContain("l'invitation vous attend toujours");
    const resend = renderInvitationEmail(invitation({ reason: 'resend' }));
    expect(resend.text).toContain('Here is your invitation again, with a new link.');
  });

  it('shares one body among the recipients of one batch, with personal values substituted', () => {
    const a = renderInvitationEmail(invitation());
    const b = renderInvitationEmail(
      invitation({
        invitee: { email: 'zoe@example.com', firstName: 'Zoé <b>' },
        roleName: 'Viewer',
        acceptUrl: `${link}x`,
        expiresAt: new Date('2026-12-15T10:00:00Z'),
      }),
    );
    expect(b.layout.id).toBe(a.layout.id);
    expect(b.layout.html).toBe(a.layout.html);
    expect(fillLayout(b.layout.html, b.substitutions)).toBe(b.html);
    expect(substitution(b, 'h:greeting')).toBe('Hello Zoé &lt;b&gt;,');
    expect(substitution(b, 't:greeting')).toBe('Hello Zoé <b>,');
    expect(b.values.link).toBe(`${link}x`);
    // Anything baked in (here, the admin's message) makes another body.
    expect(renderInvitationEmail(invitation({ message: 'Other words' })).layout.id).not.toBe(a.layout.id);
    expect(renderInvitationEmail(invitation({ locale: 'fr' })).layout.id).not.toBe(a.layout.id);
  });

  it('never lets a value smuggle a live placeholder into a body', () => {
    // The placeholders of a body depend on the body: an admin who copies the link placeholder
    // of one e-mail into the message of the next only changes the next one's placeholders.
    const first = renderInvitationEmail(invitation({ message: 'Hello' }));
    const key = Object.keys(first.substitutions).find((k) => k.endsWith(':t:link')) as string;
    const message = `Hello [[${key}]]`;
    const second = renderInvitationEmail(invitation({ message }));
    expect(second.text).toContain(`> ${message}`);
    expect(second.text.match(new RegExp(link.replace(/[/.?-]/g, '\\$&'), 'g'))).toHaveLength(1);
    expect(parseHtml(second.html).text).toContain(message);
    // And in the HTML no value can even start one: `[` is escaped.
    const third = renderInvitationEmail(invitation({ invitee: { email: 'p@example.com', firstName: '[[x]]' } }));
    expect(substitution(third, 'h:greeting')).toBe('Hello &#91;&#91;x]],');
  });
});

describe('an invitation with a username chosen by the admin ("add and notify")', () => {
  it('states the reserved username, escaped, and that it cannot be changed, in both languages', () => {
    const en = renderInvitationEmail(invitation({ username: 'paul<b>' }));
    expect(en.text).toContain(
      'Your username is reserved: paul<b>. Your administrator chose it, and it cannot be changed.',
    );
    expect(parseHtml(en.html).text).toContain('Your username is reserved: paul<b>.');
    expect(en.html).not.toContain('paul<b>');
    const fr = renderInvitationEmail(invitation({ locale: 'fr', username: 'paul.martin' }));
    expect(fr.text).toContain(
      "Votre nom d'utilisateur est réservé : paul.martin. Votre administrateur l'a choisi ; il ne peut pas être modifié.",
    );
  });

  it('says nothing of a username when the invitee chooses their own', () => {
    expect(renderInvitationEmail(invitation()).text).not.toContain('username');
  });
});

describe('an external invitation', () => {
  it('names the company the person joins for, escaped, in both parts and both languages', () => {
    const en = renderInvitationEmail(invitation({ company: 'JLO <PARIS> & Co' }));
    expect(parseHtml(en.html).text).toContain('You are invited as an external member for JLO <PARIS> & Co.');
    expect(en.html).not.toContain('<PARIS>');
    expect(en.text).toContain('You are invited as an external member for JLO <PARIS> & Co.');
    // The subscription's seat sentence is the internal members' one.
    expect(en.text).not.toContain("Joining Isocarto <GIS>'s subscription");

    const fr = renderInvitationEmail(invitation({ locale: 'fr', company: 'JLO PARIS' }));
    expect(fr.text).toContain('Vous êtes invité comme membre externe pour JLO PARIS.');
    expect(parseHtml(fr.html).text).toContain('Vous êtes invité comme membre externe pour JLO PARIS.');
  });

  it('says nothing of a company for an internal one', () => {
    expect(renderInvitationEmail(invitation()).text).not.toContain('external member');
  });
});

const substitution = (email: { substitutions: Record<string, string> }, name: string) =>
  Object.entries(email.substitutions).find(([key]) => key.endsWith(`:${name}`))?.[1];

describe('the "added directly" notice', () => {
  const data = {
    locale: 'en' as const,
    organizationName: 'Isocarto',
    adminName: 'Jeanne Dupont',
    member: { email: 'paul@example.com', firstName: 'Paul', username: 'paul.martin' },
    roleName: 'Viewer',
    firstLoginUrl: 'https://sesame.example.com/first-login?org=5b0c2f6e-3c1f-4a55-9d3e-0f6f1ad3c7a1',
  };

  it('gives the username and the first-login link, never a password', () => {
    const email = renderMemberAddedEmail(data);
    expect(email.subject).toBe('Your Isocarto account is ready');
    const html = parseHtml(email.html);
    expect(html.text).toContain('Your username: paul.martin');
    expect(html.text).toContain('Your administrator gave you a temporary password');
    expect(html.text).toContain('it is not in this e-mail. If you do not have it, ask Jeanne Dupont.');
    expect(html.text).toContain('You must choose a new password the first time you sign in.');
    const button = html.elements('a').find((a) => attr(a, 'href') === data.firstLoginUrl);
    expect(textOf(button as never).trim()).toBe('Sign in and choose my password');
    expect(email.text).toContain(`Sign in and choose my password:\n${data.firstLoginUrl}`);
    expect(email.text).toContain('Your username: paul.martin');
  });

  it('speaks French', () => {
    const email = renderMemberAddedEmail({ ...data, locale: 'fr', roleName: 'Consultation', adminName: null });
    expect(email.subject).toBe('Votre compte Isocarto est prêt');
    const html = parseHtml(email.html);
    expect(attr(html.elements('html')[0] as never, 'lang')).toBe('fr');
    expect(html.text).toContain("Votre nom d'utilisateur : paul.martin");
    expect(html.text).toContain('votre administrateur a créé votre compte dans Isocarto avec le rôle Consultation.');
    expect(html.text).toContain('Vous devrez choisir un nouveau mot de passe lors de votre première connexion.');
    const button = html.elements('a').find((a) => attr(a, 'href') === data.firstLoginUrl);
    expect(textOf(button as never).trim()).toBe('Me connecter et choisir mon mot de passe');
  });
});
