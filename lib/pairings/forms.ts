/**
 * The coordinator's pairing forms: tabs of the pairings page, the introduction email, releasing
 * and ending. Pure, so the server actions, the data-access functions and the tests share them.
 */
import { z } from 'zod';
import type { Pairing } from '@/db/schema';
import { confirmField, confirmKey } from '@/lib/forms/confirm';
import { checkboxField, requiredText, serialField } from '@/lib/forms/fields';
import { INTRO_PLACEHOLDERS, INTRO_SUBJECT_MAX } from './introduction';

// Tabs of the pairings page (GET ?state=…)

export const PAIRING_TABS = {
  proposed: { label: 'Proposed', states: ['proposed'] },
  active: { label: 'Active', states: ['active'] },
  ended: { label: 'Ended and completed', states: ['ended', 'completed'] },
} as const satisfies Record<string, { label: string; states: Pairing['state'][] }>;
export type PairingTab = keyof typeof PAIRING_TABS;

/** Anything else in the address shows the default tab rather than an error. */
export function parsePairingTab(value: string | string[] | undefined): PairingTab {
  const v = Array.isArray(value) ? value[0] : value;
  return v !== undefined && Object.hasOwn(PAIRING_TABS, v) ? (v as PairingTab) : 'proposed';
}

// Approving and releasing: the introduction email and its confirmation

export { INTRO_SUBJECT_MAX };
export const INTRO_BODY_MAX = 10_000;

/** A `{word}` that is not a placeholder would reach both people as typed: refuse it instead. */
function knownPlaceholders(text: string, ctx: z.RefinementCtx) {
  const unknown = [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].filter((p) => !(INTRO_PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown.length)
    ctx.addIssue({
      code: 'custom',
      message: `Unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((p) => `{${p}}`).join(', ')}. Use only the placeholders listed.`,
    });
}

export const introTemplateFields = {
  subject: requiredText('a subject', INTRO_SUBJECT_MAX, 3).superRefine(knownPlaceholders),
  body: requiredText('the email text', INTRO_BODY_MAX, { min: 20, multiline: true }).superRefine(knownPlaceholders),
};

const pairingIdsField = z
  .array(serialField, { error: 'Choose at least one proposal.' })
  .default([])
  .transform((ids) => [...new Set(ids)]) // in table order: the first one is previewed
  .refine((ids) => ids.length > 0, 'Choose at least one proposal.');

/** The bulk approval form: selected proposals, the email, and which step the coordinator is on. */
export const approveSelectedSchema = z.object({
  ids: pairingIdsField,
  ...introTemplateFields,
  confirm: confirmField,
  /** Which selected pair's email the preview shows (0 = the first): the coordinator pages through each. */
  previewAt: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type ApproveSelectedInput = z.output<typeof approveSelectedSchema>;

/** Names exactly what the coordinator confirmed — which proposals and which words. */
export function approvalKey(input: { ids: number[]; subject: string; body: string }): string {
  return confirmKey('approve', [[...input.ids].sort((a, b) => a - b).join(','), input.subject, input.body]);
}

// Ending a pairing, or withdrawing a proposal

export const END_REASON_MAX = 500;

export const endPairingFormSchema = z.object({
  pairingId: serialField,
  reason: requiredText('a reason', END_REASON_MAX, { multiline: true }),
  rematch: checkboxField,
  confirm: confirmField,
});
export type EndPairingFormInput = z.output<typeof endPairingFormSchema>;

/** The same idea as approvalKey: the confirmation holds only for this pairing, reason and choice. */
export function endKey(input: { pairingId: number; reason: string; rematch: boolean }): string {
  return confirmKey('end', [input.pairingId, input.rematch, input.reason]);
}
