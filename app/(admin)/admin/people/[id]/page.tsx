import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { statusLabel } from '@/components/people/status-card';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { PersonStatus } from '@/db/schema';
import { plural } from '@/lib/text';
import { daysSince } from '@/lib/time/dates';
import { formatDate, formatDateTime } from '@/lib/time/format';
import { AUDIT_TRAIL_LIMIT, getPersonDetail, type PersonPairing, type MenteeProfileView, type MentorProfileView, type SharedProfileView } from '@/lib/people/detail';
import { requireRole } from '@/lib/auth/session';
import {
  CREDENTIALS,
  DAYS,
  HELP_AREAS,
  IDENTITY_PREFERENCES,
  LANGUAGES,
  labelOf,
  MEETING_FORMATS,
  RACE_CATEGORIES,
  SCHOOL_YEARS,
  SPECIALTIES,
  TIMES,
  type Option,
} from '@/lib/registration/options';
import { ROLE_LABELS, STATUS_TONES } from '../copy';
import { DecisionForm } from './decision-form';
import { NotesSection } from '@/components/notes/notes-section';
import { auditLabel, describeAudit } from '@/lib/audit/describe';
import { listPersonNotes } from '@/lib/notes/notes';
import { IdentityReveal } from './identity-reveal';

export const metadata: Metadata = { title: 'Person' };

type Params = Promise<{ id: string }>;

export default async function PersonPage({ params }: { params: Params }) {
  const user = await requireRole('admin');
  const { id } = await params;
  const person = await getPersonDetail(user, id);
  if (!person) notFound();
  const notes = await listPersonNotes(user, person.id);
  const name = person.name ?? person.email;
  const waited = daysSince(person.waitingSince);
  const attestedCurrent = person.attestations.some((a) => a.version === person.currentStatementVersion);

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/people">← All people</Link>
      </p>
      <div className="space-y-2">
        <h1 className="text-2xl font-bold break-words">{name}</h1>
        <p className="flex flex-wrap items-center gap-2 text-stone-700">
          <span className="break-all">{person.email}</span>
          <span aria-hidden="true">·</span>
          <span>{person.role ? ROLE_LABELS[person.role] : 'Role not chosen yet'}</span>
          <Badge tone={STATUS_TONES[person.status]}>{statusLabel(person.status)}</Badge>
        </p>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="status-heading">
          <h2 id="status-heading" className="mb-3 text-lg font-semibold text-stone-900">
            Status
          </h2>
          <Facts
            items={[
              ['Current status', statusLabel(person.status)],
              ['Reason', person.statusReason ?? '—'],
              ['Changed', formatDateTime(person.statusChangedAt)],
              ['Registered', formatDateTime(person.registeredAt)],
              ...(person.role === 'mentee'
                ? ([
                    ['Waiting for a mentor', waited === null ? 'Not waiting' : `${plural(waited, 'day', 'days')} (since ${formatDate(person.waitingSince)})`],
                  ] as const)
                : []),
              ...(person.role === 'mentor'
                ? ([['Current values statement', attestedCurrent ? 'Attested' : 'Not attested — not matchable for new pairings']] as const)
                : []),
            ]}
          />
        </Card>

        <Card aria-labelledby="decision-heading">
          <h2 id="decision-heading" className="mb-3 text-lg font-semibold text-stone-900">
            Decision
          </h2>
          {person.decidable ? (
            <DecisionForm userId={person.id} current={person.status} />
          ) : (
            <p className="text-stone-700">{undecidableReason(person.role, person.status)}</p>
          )}
        </Card>
      </div>

      <Card aria-labelledby="profile-heading">
        <h2 id="profile-heading" className="mb-3 text-lg font-semibold text-stone-900">
          Profile
        </h2>
        {person.mentee ? (
          <Facts items={menteeFacts(person.mentee)} />
        ) : person.mentor ? (
          <Facts items={mentorFacts(person.mentor)} />
        ) : (
          <p className="text-stone-700">No profile yet: they have not finished the registration form.</p>
        )}
      </Card>

      {(person.role === 'mentee' || person.role === 'mentor') && (
        <Card aria-labelledby="identity-heading">
          <h2 id="identity-heading" className="mb-2 text-lg font-semibold text-stone-900">
            Identity answers
          </h2>
          <p className="mb-4 text-sm text-stone-700">
            Optional answers given with consent, used only for matching. They stay hidden until you ask, and every time they are shown it is written to the audit
            log.
          </p>
          <IdentityReveal userId={person.id} name={name} />
        </Card>
      )}

      {person.role === 'mentor' && (
        <Card aria-labelledby="attest-heading">
          <h2 id="attest-heading" className="mb-3 text-lg font-semibold text-stone-900">
            Values statement attestations
          </h2>
          {person.attestations.length ? (
            <Table caption="Values statement attestations, newest version first">
              <thead>
                <tr>
                  <Th>Version</Th>
                  <Th>Title</Th>
                  <Th>Signed as</Th>
                  <Th>When</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {person.attestations.map((a) => (
                  <tr key={a.version}>
                    <Td className="whitespace-nowrap">
                      {a.version}
                      {a.version === person.currentStatementVersion && <span className="ml-2 text-xs font-semibold text-emerald-800">current</span>}
                    </Td>
                    <Td className="min-w-48">{a.title}</Td>
                    <Td>{a.signatureName}</Td>
                    <Td className="whitespace-nowrap">{formatDateTime(a.attestedAt)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className="text-stone-700">They have not attested any version of the values statement.</p>
          )}
        </Card>
      )}

      {(person.role === 'mentee' || person.role === 'mentor') && <PairingsCard pairings={person.pairings} role={person.role} />}

      <NotesSection notes={notes} about={{ userId: person.id }} />

      <Card aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="mb-3 text-lg font-semibold text-stone-900">
          Audit trail
        </h2>
        {person.audit.length ? (
          <>
            <Table caption="Audit trail for this person, newest first">
              <thead>
                <tr>
                  <Th>When</Th>
                  <Th>What</Th>
                  <Th>By</Th>
                  <Th>Details</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {person.audit.map((entry) => (
                  <tr key={entry.id}>
                    <Td className="whitespace-nowrap">{formatDateTime(entry.createdAt)}</Td>
                    <Td className="whitespace-nowrap">{auditLabel(entry.action)}</Td>
                    <Td>{entry.actorName ?? entry.actorEmail ?? 'The system'}</Td>
                    <Td className="min-w-56">{describeAudit(entry.action, entry.details)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <p className="mt-2 text-sm text-stone-600">
              {person.audit.length === AUDIT_TRAIL_LIMIT && `Showing the latest ${AUDIT_TRAIL_LIMIT} entries. `}
              <Link href={`/admin/audit?subjectType=user&subjectId=${encodeURIComponent(person.id)}`}>Everything about this person in the audit log</Link>
            </p>
          </>
        ) : (
          <p className="text-stone-700">Nothing recorded yet.</p>
        )}
      </Card>
    </div>
  );
}

// ---------------------------------------------------------------------------

type Fact = readonly [label: string, value: ReactNode];

function Facts({ items }: { items: readonly Fact[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_minmax(0,1fr)]">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold text-stone-700">{label}</dt>
          <dd className="mb-2 break-words whitespace-pre-line text-stone-900 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const list = (options: Option[], values: string[], other?: string | null) => {
  const labels = values.filter((v) => v !== 'other').map((v) => labelOf(options, v));
  if (other) labels.push(other);
  return labels.length ? labels.join(', ') : '—';
};

/** "weekday-evening" → "Weekdays, evening" */
const slotLabel = (slot: string) => {
  const [day, time] = slot.split('-');
  return `${labelOf(DAYS, day)}, ${labelOf(TIMES, time ?? '').toLowerCase()}`;
};

function sharedFacts(p: SharedProfileView): Fact[] {
  return [
    ['Goes by', p.preferredName],
    ['Pronouns', p.pronouns ?? '—'],
    ['Meeting formats', list(MEETING_FORMATS, p.meetingFormats)],
    ['Usually free', p.availability.length ? p.availability.map(slotLabel).join('; ') : '—'],
    ['City', p.city ?? '—'],
    ['Languages', list(LANGUAGES, p.languages)],
    ['About', p.about || '—'],
    ['Cohort', p.cohortName ?? '—'],
    ['Accepted the expectations', formatDateTime(p.expectationsAcceptedAt)],
  ];
}

function menteeFacts(p: MenteeProfileView): Fact[] {
  const preference = labelOf(IDENTITY_PREFERENCES, p.identityPreference);
  return [
    ['School', p.school],
    ['Year', labelOf(SCHOOL_YEARS, p.schoolYear)],
    ['Major', p.major],
    ['Plans to apply', String(p.targetCycle)],
    ['Specialties of interest', list(SPECIALTIES, p.specialties, p.specialtyOther)],
    ['Wants help with', list(HELP_AREAS, p.helpWith, p.helpOther)],
    ['First-generation student', p.firstGen === null ? 'Not answered' : p.firstGen ? 'Yes' : 'No'],
    // The matching preference (not their own identity): admins need it to explain a pairing.
    [
      'Mentor identity preference',
      p.identityPreference === 'none'
        ? preference
        : `${preference} (${p.identityPreferenceRaces.length ? list(RACE_CATEGORIES, p.identityPreferenceRaces) : 'any BIPOC identity'})`,
    ],
    ...sharedFacts(p),
  ];
}

function mentorFacts(p: MentorProfileView): Fact[] {
  return [
    ['Credentials', p.credential === 'other' ? (p.credentialOther ?? 'Other') : labelOf(CREDENTIALS, p.credential)],
    ['Specialty', p.specialtyOther ? `${labelOf(SPECIALTIES, p.specialty)} (${p.specialtyOther})` : labelOf(SPECIALTIES, p.specialty)],
    ['Organisation', p.organisation],
    ['Years in practice', String(p.yearsInPractice)],
    ['Residency affiliation', p.residencyAffiliation ?? '—'],
    ['Capacity', plural(p.capacity, 'mentee', 'mentees')],
    ['Paused', p.pausedUntil ? `Not taking new mentees until ${formatDate(p.pausedUntil)}` : 'No'],
    ['Can advise on', list(HELP_AREAS, p.advice)],
    ['Shows identity on profile', p.showIdentity ? 'Yes' : 'No'],
    ...sharedFacts(p),
  ];
}

function undecidableReason(role: string | null, status: PersonStatus): string {
  if (role === 'admin') return 'Coordinators are not reviewed.';
  if (status === 'registering') return 'They have not finished registering yet. You can decide once they submit their profile.';
  if (status === 'withdrawn') return 'They have withdrawn from the program.';
  return 'There is nothing to decide for this person.';
}

const PAIRING_STATE: Record<PersonPairing['state'], { label: string; tone: 'good' | 'neutral' | 'info' }> = {
  proposed: { label: 'Proposed, not released', tone: 'info' },
  active: { label: 'Active', tone: 'good' },
  completed: { label: 'Completed', tone: 'neutral' },
  ended: { label: 'Ended', tone: 'neutral' },
};

/** Current and past pairings: the coordinator sees a person's whole history with the program. */
function PairingsCard({ pairings, role }: { pairings: PersonPairing[]; role: 'mentee' | 'mentor' }) {
  const other = role === 'mentee' ? 'Mentor' : 'Student';
  return (
    <Card aria-labelledby="pairings-heading">
      <h2 id="pairings-heading" className="mb-3 text-lg font-semibold text-stone-900">
        Pairings
      </h2>
      {pairings.length === 0 ? (
        <p className="text-stone-700">{role === 'mentee' ? 'Not paired with a mentor yet.' : 'No mentees yet.'}</p>
      ) : (
        <ul className="divide-y divide-stone-100">
          {pairings.map((p) => {
            const cancelled = p.state === 'ended' && !p.startDate;
            const state = cancelled ? { label: 'Withdrawn before it started', tone: 'neutral' as const } : PAIRING_STATE[p.state];
            return (
              <li key={p.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
                <div className="min-w-0">
                  <p>
                    <span className="text-sm text-stone-600">{other}: </span>
                    <Link href={`/admin/people/${p.otherId}`} className="font-semibold">
                      {p.otherName}
                    </Link>
                  </p>
                  <p className="text-sm text-stone-700">
                    {p.startDate ? `${formatDate(p.startDate)} – ${formatDate(p.state === 'ended' ? p.endedAt : p.endDate)}` : 'Not started'}
                    {p.endReason && ` · ${p.endReason}`}
                    {p.rematchRequested && ' · no-fault rematch'}
                  </p>
                </div>
                <div className="flex shrink-0 items-center gap-3">
                  <Badge tone={state.tone}>{state.label}</Badge>
                  <Link href={`/admin/pairings/${p.id}`} className="text-sm">
                    Open<span className="sr-only"> the pairing with {p.otherName}</span>
                  </Link>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
