/**
 * What the roadmap forms accept. Pure, so the actions, the operations and the tests share one set
 * of rules (lib/forms/fields.ts: NFC, trimming, single-line titles, real calendar dates).
 */
import { z } from 'zod';
import { numberField, optionalText, requiredText, serialField } from '@/lib/forms/fields';
import { confirmField, confirmKey } from '@/lib/forms/confirm';
import { isoDateField } from '@/lib/time/dates';
import { isRuleDay, MONTHS } from './rules';

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 1000;

const title = requiredText('a title', TITLE_MAX);
const description = optionalText('the description', DESCRIPTION_MAX, { multiline: true });

// ── the pair's checklist ──
export const addItemSchema = z.object({ pairingId: serialField, title, targetDate: isoDateField('a target date') });
export const editItemSchema = z.object({ itemId: serialField, title, targetDate: isoDateField('a target date') });
export const tickItemSchema = z.object({ itemId: serialField, done: z.enum(['yes', 'no'], { error: 'Choose done or not done.' }) });
export const removeItemSchema = z.object({ itemId: serialField, confirm: confirmField });
export const removeItemKey = (itemId: number) => confirmKey('roadmap-item-remove', [itemId]);

// ── the program's template ──
const rule = {
  position: numberField('the position', 1, 10_000, { whole: true }),
  title,
  description,
  yearOffset: numberField('the year', -4, 2, { whole: true }),
  month: numberField('the month', 1, 12, { whole: true }),
  day: numberField('the day', 1, 31, { whole: true }),
};
/** The day must exist in the month (Feb 29 is allowed: it falls on Feb 28 outside leap years). */
function dayInMonth(v: { month: number; day: number }, ctx: z.RefinementCtx) {
  if (!isRuleDay(v.month, v.day)) ctx.addIssue({ code: 'custom', path: ['day'], message: `${MONTHS[v.month - 1]} has no day ${v.day}.` });
}
export const templateItemSchema = z.object(rule).superRefine(dayInMonth);
export const updateTemplateItemSchema = z.object({ itemId: serialField, ...rule }).superRefine(dayInMonth);
export const archiveTemplateItemSchema = z.object({ itemId: serialField, confirm: confirmField });
export const archiveTemplateKey = (itemId: number) => confirmKey('roadmap-template-archive', [itemId]);

export type TemplateItemInput = z.output<typeof templateItemSchema>;
