/**
 * The table of every server action: who may call it, and a valid form aimed at a target. The
 * authorisation matrix and the fuzzing both walk it; adding an action is adding its line.
 */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cohorts, pairings } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';
import { approvalKey, endKey } from '@/lib/pairings/forms';
import { confirmationKey } from '@/lib/people/decisions';
import { archiveTemplateKey, removeItemKey } from '@/lib/roadmap/forms';
import { deleteKey } from '@/lib/meetings/forms';
import { resolveKey } from '@/lib/safety/forms';
import { proposePairings } from '@/lib/pairings/operations';
import { CRITERION_KEYS, PROGRAM_DEFAULTS, weightName } from '@/lib/settings/program';
import { DEFAULT_WEIGHTS } from '@/lib/matching/scoring';
import { addMonths, todayIn } from '@/lib/time/dates';
import type { FormInput } from './action-harness';
import { validMenteeForm, validMentorForm } from './forms';
import { createPerson } from './people';
import { approvedMentee, approvedMentor, ensureStatement } from './program';

export const ROLES = ['anonymous', 'mentee', 'mentor', 'admin'] as const;
export type Caller = (typeof ROLES)[number];
export type Variant = 'own' | 'other';

/** no: refused, nothing changes · own: runs, but never touches another person's rows · any: runs. */
export type Allowed = 'no' | 'own' | 'any';
export type Access = Record<Caller, Allowed>;

export type World = {
  admin: SessionUser;
  mentee: SessionUser;
  otherMentee: SessionUser;
  mentor: SessionUser;
  otherMentor: SessionUser;
  ownPairingId: number;
  otherPairingId: number;
  cohortId: number;
  statementVersion: number;
};

/** What a cell aims at: the caller's own records, or someone else's. */
export type Target = { person: SessionUser; mentee: SessionUser; mentor: SessionUser; pairingId: number; world: World; tag: string };

export const access = (anonymous: Allowed, mentee: Allowed, mentor: Allowed, admin: Allowed): Access => ({ anonymous, mentee, mentor, admin });

const intro = { subject: 'Meet {mentor_name}', body: 'Hello {mentee_name} and {mentor_name}, please say hello to each other.' };
const settingsForm = (): FormInput => ({
  ...Object.fromEntries(
    ['termMonths', 'renewalWindowDays', 'cadenceDueSoonDays', 'cadenceOverdueDays', 'checkInFirstDays', 'checkInEveryDays'].map((k) => [
      k,
      String(PROGRAM_DEFAULTS[k as keyof typeof PROGRAM_DEFAULTS]),
    ]),
  ),
  ...Object.fromEntries(CRITERION_KEYS.map((k) => [weightName(k), String(DEFAULT_WEIGHTS[k])])),
});
/** A meeting a month ago (never in the future in any zone). */
const meetingForm = (): FormInput => ({
  date: addMonths(todayIn('UTC'), -1),
  format: 'video',
  durationMinutes: '45',
  topics: ['mcat', 'interviews'],
  note: 'Matrix check',
});
const statement = { title: 'Our shared values', body: 'We commit to anti-racism, cultural humility, mutual respect and a safe space for every student we meet.' };

// ───────────────────────── the table ─────────────────────────
// One line per server action: who may call it (anonymous, mentee, mentor, admin), a valid form
// aimed at the cell's target, and which of its fields are textareas (may hold line breaks; every
// other field must refuse them). Adding an action is adding its line.
export type ActionRow = [Access, (t: Target) => FormInput, multiline?: readonly string[]];
const A = 'app/(admin)/admin';
// prettier-ignore
export const ACTIONS: Record<string, ActionRow> = {
  [`${A}/admins/actions.ts#inviteAdminAction`]:              [access('no', 'no', 'no', 'any'), (t) => ({ email: `invite-${t.tag}@example.org` })],
  [`${A}/admins/actions.ts#revokeInviteAction`]:             [access('no', 'no', 'no', 'any'), () => ({ inviteId: '999999' })],
  [`${A}/admins/actions.ts#removeAdminAction`]:              [access('no', 'no', 'no', 'any'), (t) => ({ userId: t.person.id })],
  [`${A}/settings/actions.ts#saveContactAction`]:            [access('no', 'no', 'no', 'any'), () => ({ contactName: 'Jordan Example', contactEmail: 'coordinator@example.org' })],
  ['app/(auth)/register/actions.ts#changeRoleAction']:       [access('no', 'own', 'own', 'no'), () => ({})],
  [`${A}/matching/[menteeId]/actions.ts#proposeOneAction`]:  [access('no', 'no', 'no', 'any'), (t) => ({ menteeId: t.mentee.id, mentorId: t.mentor.id })],
  [`${A}/matching/[menteeId]/actions.ts#setRuleAction`]:     [access('no', 'no', 'no', 'any'), (t) => ({ menteeId: t.mentee.id, mentorId: t.mentor.id, kind: 'exclude', reason: 'Matrix check' }), ['reason']],
  [`${A}/matching/[menteeId]/actions.ts#clearRuleAction`]:   [access('no', 'no', 'no', 'any'), (t) => ({ menteeId: t.mentee.id, mentorId: t.mentor.id })],
  [`${A}/matching/actions.ts#optimiseAction`]:               [access('no', 'no', 'no', 'any'), () => ({})],
  [`${A}/matching/actions.ts#stagePairsAction`]:             [access('no', 'no', 'no', 'any'), (t) => ({ pairs: [`${t.mentee.id}|${t.mentor.id}`] })],
  [`${A}/pairings/actions.ts#approveSelectedAction`]:        [access('no', 'no', 'no', 'any'), (t) => ({ ids: [String(t.pairingId)], ...intro, confirm: approvalKey({ ids: [t.pairingId], ...intro }) }), ['body']],
  [`${A}/pairings/actions.ts#endPairingAction`]:             [access('no', 'no', 'no', 'any'), (t) => ({ pairingId: String(t.pairingId), reason: 'Matrix check', mode: 'withdraw', confirm: endKey({ pairingId: t.pairingId, reason: 'Matrix check', rematch: true }) }), ['reason']],
  [`${A}/people/[id]/actions.ts#decidePersonAction`]:        [access('no', 'no', 'no', 'any'), (t) => ({ userId: t.person.id, decision: 'waitlisted' })],
  [`${A}/people/[id]/actions.ts#revealIdentityAction`]:      [access('no', 'no', 'no', 'any'), (t) => ({ userId: t.person.id })],
  [`${A}/people/actions.ts#decideSelectedAction`]:           [access('no', 'no', 'no', 'any'), (t) => ({ ids: [t.person.id], decision: 'waitlisted', confirm: confirmationKey({ ids: [t.person.id], decision: 'waitlisted', reason: null }) })],
  [`${A}/settings/actions.ts#saveProgramIdentityAction`]:    [access('no', 'no', 'no', 'any'), (t) => ({ programName: `Matrix Program ${t.tag}`, timeZone: 'America/Chicago' })],
  [`${A}/settings/actions.ts#saveSettingsAction`]:           [access('no', 'no', 'no', 'any'), () => settingsForm()],
  [`${A}/settings/actions.ts#createCohortAction`]:           [access('no', 'no', 'no', 'any'), (t) => ({ name: `Cohort ${t.tag}`, programYear: '2027', launchDate: '2027-01-15' })],
  [`${A}/settings/actions.ts#setCohortOpenAction`]:          [access('no', 'no', 'no', 'any'), (t) => ({ cohortId: String(t.world.cohortId) })],
  [`${A}/values/actions.ts#publishStatementAction`]:         [access('no', 'no', 'no', 'any'), () => ({ ...statement, confirm: 'on' }), ['body']],
  ['app/(auth)/register/actions.ts#chooseRoleAction']:       [access('no', 'own', 'own', 'own'), () => ({ role: 'mentor' })],
  ['app/(auth)/sign-in/actions.ts#requestSignInLink']:       [access('any', 'any', 'any', 'any'), (t) => ({ email: t.person.email })],
  ['lib/notes/actions.ts#addPersonNoteAction']:             [access('no', 'no', 'no', 'any'), (t) => ({ userId: t.person.id, body: 'Matrix check' }), ['body']],
  ['lib/notes/actions.ts#addPairingNoteAction']:            [access('no', 'no', 'no', 'any'), (t) => ({ pairingId: String(t.pairingId), body: 'Matrix check' }), ['body']],
  ['lib/auth/actions.ts#signOutAction']:                     [access('any', 'any', 'any', 'any'), () => ({})],
  ['lib/registration/actions.ts#saveMenteeProfileAction']:   [access('no', 'own', 'no', 'no'), () => validMenteeForm(), ['about', 'helpOther']],
  ['lib/registration/actions.ts#registerMentorAction']:      [access('no', 'no', 'own', 'no'), (t) => ({ ...validMentorForm(), attest: 'on', signatureName: 'Dr. Test Mentor', statementVersion: String(t.world.statementVersion) }), ['about']],
  ['lib/registration/actions.ts#saveMentorProfileAction']:   [access('no', 'no', 'own', 'no'), () => validMentorForm(), ['about']],
  ['lib/registration/actions.ts#attestAction']:              [access('no', 'no', 'own', 'no'), (t) => ({ attest: 'on', signatureName: 'Dr. Test Mentor', statementVersion: String(t.world.statementVersion) })],
  ['lib/registration/actions.ts#pauseAction']:               [access('no', 'no', 'own', 'no'), () => ({ pausedUntil: addMonths(todayIn('UTC'), 6) })],
  ['lib/registration/actions.ts#capacityAction']:            [access('no', 'no', 'own', 'no'), () => ({ capacity: '3' })],
  // The roadmap. Its members' actions aim at a checklist item by id: the table's pairings are staged
  // (no checklist yet), so an allowed cell is answered "not on a roadmap you share" and writes nothing;
  // tests/integration/roadmap.test.ts proves the writes and the refusals on released pairings.
  [`${A}/roadmap/actions.ts#addTemplateItemAction`]:         [access('no', 'no', 'no', 'any'), (t) => ({ position: '900', title: `Matrix ${t.tag}`, description: 'A check\nover two lines', yearOffset: '0', month: '6', day: '30' }), ['description']],
  [`${A}/roadmap/actions.ts#updateTemplateItemAction`]:      [access('no', 'no', 'no', 'any'), () => ({ itemId: '999999', position: '900', title: 'Matrix check', description: '', yearOffset: '-1', month: '2', day: '29' }), ['description']],
  [`${A}/roadmap/actions.ts#archiveTemplateItemAction`]:     [access('no', 'no', 'no', 'any'), () => ({ itemId: '999999', confirm: archiveTemplateKey(999999) })],
  ['lib/roadmap/actions.ts#addRoadmapItemAction']:           [access('no', 'own', 'own', 'no'), (t) => ({ pairingId: String(t.pairingId), title: 'Matrix check', targetDate: '2027-06-30' })],
  ['lib/roadmap/actions.ts#editRoadmapItemAction']:          [access('no', 'own', 'own', 'no'), () => ({ itemId: '999999', title: 'Matrix check', targetDate: '2027-06-30' })],
  ['lib/roadmap/actions.ts#tickRoadmapItemAction']:          [access('no', 'own', 'own', 'no'), () => ({ itemId: '999999', done: 'yes' })],
  ['lib/roadmap/actions.ts#removeRoadmapItemAction']:        [access('no', 'own', 'own', 'no'), () => ({ itemId: '999999', confirm: removeItemKey(999999) })],
  ['lib/terms/actions.ts#chooseRenewalAction']:             [access('no', 'own', 'own', 'no'), (t) => ({ pairingId: String(t.pairingId), choice: 'continue' })],
  ['lib/terms/actions.ts#submitSurveyAction']:              [access('no', 'own', 'own', 'no'), (t) => ({ pairingId: String(t.pairingId), rating: '4', helpedMost: 'Talking through interviews', mentorAgain: 'yes', wouldRecommend: 'yes', comment: 'Thank you' }), ['helpedMost', 'comment']],
  ['lib/terms/actions.ts#rejoinWaitlistAction']:            [access('no', 'own', 'no', 'no'), (t) => ({ pairingId: String(t.pairingId) })],
  ['lib/terms/actions.ts#extendTermAction']:                [access('no', 'no', 'no', 'any'), (t) => ({ pairingId: String(t.pairingId), endDate: '2040-01-31', reason: 'Matrix check' }), ['reason']],
  ['lib/meetings/actions.ts#logMeetingAction']:              [access('no', 'own', 'own', 'no'), (t) => ({ pairingId: String(t.pairingId), ...meetingForm() }), ['note']],
  ['lib/meetings/actions.ts#correctMeetingAction']:          [access('no', 'own', 'own', 'no'), () => ({ meetingId: '999999', ...meetingForm() }), ['note']],
  ['lib/meetings/actions.ts#deleteMeetingAction']:           [access('no', 'own', 'own', 'no'), () => ({ meetingId: '999999', confirm: deleteKey(999999) })],
  // A safe space. Members raise concerns about their own pairings only (the other cell names someone else's pairing and is refused in the query).
  ['lib/safety/actions.ts#raiseConcernAction']:              [access('no', 'own', 'own', 'no'), (t) => ({ about: String(t.pairingId), body: 'Matrix check: something felt wrong.', pause: 'on', contact: 'on', channel: 'phone', phone: '+1 555 010 0100' }), ['body']],
  ['lib/safety/actions.ts#submitCheckInAction']:             [access('no', 'own', 'own', 'no'), () => ({ roundId: '999999', safety: '4', useful: '4', frequency: '3', comment: 'Going well.' }), ['comment']],
  [`${A}/concerns/actions.ts#assignConcernAction`]:          [access('no', 'no', 'no', 'any'), (t) => ({ concernId: '999999', assigneeId: t.world.admin.id })],
  [`${A}/concerns/actions.ts#addConcernNoteAction`]:         [access('no', 'no', 'no', 'any'), () => ({ concernId: '999999', body: 'Matrix note.' }), ['body']],
  [`${A}/concerns/actions.ts#resolveConcernAction`]:         [access('no', 'no', 'no', 'any'), () => ({ concernId: '999999', resolution: 'Talked it through.', outcome: 'none', confirm: resolveKey({ concernId: 999999, resolution: 'Talked it through.', outcome: 'none' }) }), ['resolution']],
  ['lib/registration/actions.ts#withdrawAction']:            [access('no', 'own', 'own', 'no'), () => ({ reason: 'Matrix check', confirm: 'on' }), ['reason']],
};

let counter = 0;
export const tag = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function buildWorld(): Promise<World> {
  const db = await getDb();
  const statementVersion = await ensureStatement();
  const [admin, mentee, otherMentee, mentor, otherMentor] = await Promise.all([
    createPerson('admin'),
    approvedMentee(),
    approvedMentee(),
    approvedMentor(),
    approvedMentor(),
  ]);
  await proposePairings(admin, [
    { menteeId: mentee.id, mentorId: mentor.id },
    { menteeId: otherMentee.id, mentorId: otherMentor.id },
  ]);
  const pairingOf = async (menteeId: string) => (await db.select({ id: pairings.id }).from(pairings).where(eq(pairings.menteeId, menteeId)))[0].id;
  const [cohort] = await db
    .insert(cohorts)
    .values({ name: `Matrix ${tag()}`, programYear: 2027, launchDate: '2027-01-15' })
    .returning({ id: cohorts.id });
  return {
    admin,
    mentee,
    otherMentee,
    mentor,
    otherMentor,
    ownPairingId: await pairingOf(mentee.id),
    otherPairingId: await pairingOf(otherMentee.id),
    cohortId: cohort.id,
    statementVersion,
  };
}
