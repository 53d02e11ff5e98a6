// Modal submissions, parsed with zod at the edge: Slack's `view.state.values` is
// { [block_id]: { [action_id]: { type, value | selected_option | selected_options | files ... } } }.
import { z } from 'zod';
import { LICENCES_BLOCK_PREFIX, ORGANIZATION_LANGUAGE } from './blocks/member-properties-blocks.js';

const text = z.object({ value: z.string().nullish() }).transform((v) => v.value?.trim() ?? '');
const select = z
  .object({ selected_option: z.object({ value: z.string() }).nullish() })
  .transform((v) => v.selected_option?.value);
const checkboxes = z
  .object({ selected_options: z.array(z.object({ value: z.string() })).nullish() })
  .transform((v) => (v.selected_options ?? []).map((o) => o.value));
const conversation = z
  .object({ selected_conversation: z.string().nullish() })
  .transform((v) => v.selected_conversation ?? undefined);
const number = z.object({ value: z.string().nullish() }).transform((v) => (v.value ? Number(v.value) : Number.NaN));

export const slackFile = z.object({
  id: z.string(),
  name: z.string().default('upload.csv'),
  size: z.number().optional(),
  url_private_download: z.url().optional(),
  url_private: z.url().optional(),
});
export type SlackFile = z.infer<typeof slackFile>;

const files = z.object({ files: z.array(slackFile).nullish() }).transform((v) => v.files ?? []);

const values = z.record(z.string(), z.record(z.string(), z.unknown()));

/** A block's one select or radio, whatever its action id (the invite and add forms name theirs apart). */
const anySelect = z.record(z.string(), select).transform((v) => Object.values(v)[0]);

/**
 * How a member joins and for whom (blocks/membership-blocks.ts): the sign-in method, internal or
 * external, and the company, chosen (its id) or typed (its name or path).
 */
const membershipShape = {
  sign_in: z.object({ value: select }).optional(),
  kind: anySelect.optional(),
  company: z.object({ company_id: select.optional(), company_name: text.optional() }).optional(),
};

export interface MembershipFields {
  /** Undefined when the form offered no choice (no provider, or the provider only). */
  enterprise: boolean | undefined;
  external: boolean;
  companyId: string | undefined;
  companyName: string | undefined;
  /** Whether the form showed the company field (where its errors can be shown). */
  companyShown: boolean;
}

const membershipOf = (blocks: {
  sign_in?: { value: string | undefined };
  kind?: string | undefined;
  company?: { company_id?: string | undefined; company_name?: string | undefined };
}): MembershipFields => ({
  enterprise: blocks.sign_in?.value === undefined ? undefined : blocks.sign_in.value === 'enterprise',
  external: blocks.kind === 'external',
  companyId: blocks.company?.company_id || undefined,
  companyName: blocks.company?.company_name || undefined,
  companyShown: blocks.company !== undefined,
});

/**
 * The licences chosen, from the block named after the user type (`licences:<type>`, see
 * blocks/member-properties-blocks.ts), and that block's id (where their errors go).
 */
const licencesIn = (v: Record<string, Record<string, unknown>>) => {
  const blockId = Object.keys(v).find((k) => k.startsWith(LICENCES_BLOCK_PREFIX));
  const chosen = blockId ? checkboxes.safeParse(v[blockId]?.value) : undefined;
  return { licences: chosen?.success ? chosen.data : [], licencesBlockId: blockId };
};

/** The credits and the language (blocks/member-properties-blocks.ts); the licences are read by `licencesIn`. */
const memberPropertiesShape = {
  credits: z.object({ value: text }).optional(),
  language: z.object({ value: select }).optional(),
};

export interface MemberPropertiesFields {
  licences: string[];
  /** Where the licences' errors are shown: the block the form drew for its user type. */
  licencesBlockId: string | undefined;
  credits: string | undefined;
  /** fr or en as chosen; undefined for the organization's. */
  language: string | undefined;
}

const memberPropertiesOf = (
  blocks: { credits?: { value: string }; language?: { value: string | undefined } },
  licences: ReturnType<typeof licencesIn>,
): MemberPropertiesFields => ({
  ...licences,
  credits: blocks.credits?.value || undefined,
  language: blocks.language?.value === ORGANIZATION_LANGUAGE ? undefined : blocks.language?.value,
});

const drawChoices = z.object({ user_type: anySelect.optional(), kind: anySelect.optional() });

/** What a form is drawn again with when its user type or its kind changes, the licences chosen so far included. */
export const drawState = values
  .transform((v) => {
    const chosen = drawChoices.safeParse(v);
    return {
      userType: chosen.success ? chosen.data.user_type : undefined,
      external: chosen.success && chosen.data.kind === 'external',
      licences: licencesIn(v).licences,
    };
  })
  .catch({ userType: undefined, external: false, licences: [] });

/**
 * A form with the user type and role selects: its fixed blocks by `shape`, plus the role from
 * the block named after the chosen user type (`role:<type>`, see blocks/assignment-selects.ts).
 */
const formWithRole = <T extends z.ZodRawShape>(shape: T) =>
  values.transform((v, ctx) => {
    const parsed = z.object(shape).safeParse(v);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message });
      return z.NEVER;
    }
    const roleBlockId = Object.keys(v).find((k) => k.startsWith('role:')) ?? 'role:';
    const role = select.safeParse(v[roleBlockId]?.value);
    return { blocks: parsed.data, role: role.success ? role.data : undefined, roleBlockId, licences: licencesIn(v) };
  });

export const inviteState = formWithRole({
  emails: z.object({ value: text }),
  username: z.object({ value: text }).optional(),
  user_type: z.object({ invite_user_type: select }),
  groups: z.object({ value: text }).optional(),
  message: z.object({ value: text }).optional(),
  must_use_email: z.object({ value: checkboxes }).optional(),
  ...membershipShape,
  ...memberPropertiesShape,
}).transform(({ blocks, role, roleBlockId, licences }) => ({
  emails: blocks.emails.value,
  username: blocks.username?.value || undefined,
  userType: blocks.user_type.invite_user_type,
  role,
  roleBlockId,
  groups: blocks.groups?.value ?? '',
  message: blocks.message?.value ?? '',
  mustUseEmail: (blocks.must_use_email?.value ?? []).includes('yes'),
  ...membershipOf(blocks),
  ...memberPropertiesOf(blocks, licences),
}));

export const setupState = z
  .object({ name: z.object({ value: text }), seats: z.object({ value: number }) })
  .transform((v) => ({ name: v.name.value, seats: v.seats.value }));

export const settingsState = z
  .object({ managers_channel: z.object({ value: conversation }) })
  .transform((v) => ({ managersChannelId: v.managers_channel.value }));

export const importState = z
  .object({ file: z.object({ value: files }).optional(), paste: z.object({ value: text }).optional() })
  .transform((v) => ({ files: v.file?.value ?? [], pasted: v.paste?.value ?? '' }));

export const denyState = z.object({ reason: z.object({ value: text }) }).transform((v) => ({ reason: v.reason.value }));

/** Our own private_metadata, read back (Slack returns it untouched, but it is still input). */
export const replyMetadata = z.object({ responseUrl: z.url().optional(), channelId: z.string().optional() }).catch({});

export const parseMetadata = <T>(schema: z.ZodType<T>, raw: string | undefined): T => {
  try {
    return schema.parse(JSON.parse(raw || '{}'));
  } catch {
    return schema.parse({});
  }
};

/** JSON from a button value or private_metadata; undefined when it is not JSON (zod says the rest). */
export const parseJson = (text: string | undefined): unknown => {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
};

export const addMemberState = formWithRole({
  email: z.object({ value: text }),
  first_name: z.object({ value: text }),
  last_name: z.object({ value: text }),
  username: z.object({ value: text }).optional(),
  user_type: z.object({ add_member_user_type: select }),
  enterprise_id: z.object({ value: text }).optional(),
  ...membershipShape,
  ...memberPropertiesShape,
}).transform(({ blocks, role, roleBlockId, licences }) => ({
  email: blocks.email.value,
  firstName: blocks.first_name.value,
  lastName: blocks.last_name.value,
  username: blocks.username?.value || undefined,
  userType: blocks.user_type.add_member_user_type,
  role,
  roleBlockId,
  enterpriseId: blocks.enterprise_id?.value || undefined,
  ...membershipOf(blocks),
  ...memberPropertiesOf(blocks, licences),
}));
