import 'server-only';
import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { loadIntroFacts } from '@/lib/pairings/intro-facts';
import { getDb } from '@/db/client';
import { pairings, users, type Pairing } from '@/db/schema';
import { checkboxField, requiredText, serialField } from '@/lib/admin/fields';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { fillIntro, INTRO_PLACEHOLDERS, INTRO_SUBJECT_MAX } from '@/lib/pairings/introduction';

// ---------------------------------------------------------------------------
// Tabs of the pairings page (GET ?state=…)
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Approving and releasing: the introduction email and its confirmation
// ---------------------------------------------------------------------------

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
  body: requiredText('the email text', INTRO_BODY_MAX, 20).superRefine(knownPlaceholders),
};

const pairingIdsField = z
  .array(serialField, { error: 'Choose at least one proposal.' })
  .default([])
  .transform((ids) => [...new Set(ids)]) // in table order: the first one is previewed
  .refine((ids) => ids.length > 0, 'Choose at least one proposal.')
  .refine((ids) => ids.length <= 100, 'Choose at most 100 proposals at a time.');

/** The bulk approval form: selected proposals, the email, and which step the coordinator is on. */
export const approveSelectedSchema = z.object({
  ids: pairingIdsField,
  ...introTemplateFields,
  confirm: z.string().max(128).optional(),
});
export type ApproveSelectedInput = z.output<typeof approveSelectedSchema>;

/**
 * Names exactly what the coordinator confirmed — which proposals and which words. If any of it
 * changes between the preview and "Yes, release", the key no longer matches and they are asked again.
 */
export function approvalKey(input: { ids: number[]; subject: string; body: string }): string {
  const ids = [...input.ids].sort((a, b) => a - b).join(',');
  return createHash('sha256').update(`approve\n${ids}\n${input.subject}\n${input.body}`).digest('hex').slice(0, 32);
}

export type IntroPreview = { menteeName: string; mentorName: string; to: string[]; subject: string; body: string };

/**
 * The introduction for one proposal, filled in as approval would fill it today: the same facts and
 * the same start-date rule (a cohort that has not launched yet starts on its launch date).
 */
export async function previewIntroduction(actor: SessionUser, pairingId: number, template: { subject: string; body: string }): Promise<IntroPreview | null> {
  assertPermission(actor, 'pairings:approve');
  const db = await getDb();
  const loaded = await loadIntroFacts(db, pairingId);
  if (!loaded) return null;
  const { facts } = loaded;
  return {
    menteeName: facts.mentee_name,
    mentorName: facts.mentor_name,
    to: loaded.to,
    subject: fillIntro(template.subject, facts).slice(0, INTRO_SUBJECT_MAX),
    body: fillIntro(template.body, facts),
  };
}

/** "Ana Lopez and Dr. Kim" for each id, to report per-pairing outcomes in words. */
export async function namePairings(actor: SessionUser, ids: number[]): Promise<Record<string, string>> {
  assertPermission(actor, 'pairings:approve');
  if (!ids.length) return {};
  const db = await getDb();
  const mentee = alias(users, 'mentee');
  const mentor = alias(users, 'mentor');
  const rows = await db
    .select({ id: pairings.id, menteeName: mentee.name, menteeEmail: mentee.email, mentorName: mentor.name, mentorEmail: mentor.email })
    .from(pairings)
    .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
    .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
    .where(inArray(pairings.id, ids));
  return Object.fromEntries(rows.map((r) => [String(r.id), `${r.menteeName ?? r.menteeEmail} and ${r.mentorName ?? r.mentorEmail}`]));
}

// ---------------------------------------------------------------------------
// Ending a pairing, or withdrawing a proposal
// ---------------------------------------------------------------------------

export const END_REASON_MAX = 500;

export const endPairingFormSchema = z.object({
  pairingId: serialField,
  reason: requiredText('a reason', END_REASON_MAX),
  rematch: checkboxField,
  confirm: z.string().max(128).optional(),
});
export type EndPairingFormInput = z.output<typeof endPairingFormSchema>;

/** The same idea as approvalKey: the confirmation holds only for this pairing, reason and choice. */
export function endKey(input: { pairingId: number; reason: string; rematch: boolean }): string {
  return createHash('sha256').update(`end\n${input.pairingId}\n${input.rematch ? 1 : 0}\n${input.reason}`).digest('hex').slice(0, 32);
}
