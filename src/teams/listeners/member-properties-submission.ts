// What the dialogs' member properties (src/teams/cards/member-properties-inputs.ts) submit: read at
// the edge and turned into the domain's MemberPropertiesInput, which checks them (the licences
// against the chosen user type and how many are left, the credits, the language); its refusals
// are placed above their field by membership-submission.ts.
import { z } from 'zod';
import type { MemberPropertiesInput } from '../../licences/check-member-properties.js';
import { ORGANIZATION_LANGUAGE } from '../cards/member-properties-inputs.js';

/** The fields of a submission; all optional: the dialog shows the licences and credits only when they apply. */
export const memberPropertiesSubmission = {
  licences: z.string().max(5000).default(''),
  credits: z.string().max(200).default(''),
  language: z.string().max(100).default(''),
};

type Submitted = { licences: string; credits: string; language: string };

/** The domain's input: what was left empty or at the organization's language sets nothing. */
export const memberPropertiesOf = (values: Submitted): MemberPropertiesInput => ({
  licences: values.licences
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean),
  credits: values.credits.trim() || undefined,
  language: values.language === ORGANIZATION_LANGUAGE ? undefined : values.language.trim() || undefined,
});
