import type { Metadata } from 'next';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, Td, Th } from '@/components/ui/table';
import { now } from '@/lib/time/clock';
import { formatDate, formatDateTime } from '@/lib/time/format';
import { requireRole } from '@/lib/auth/session';
import { CRITERIA } from '@/lib/matching/scoring';
import { COHORT_NAME_MAX, listCohorts } from '@/lib/settings/cohorts';
import { CRITERION_KEYS, getProgramSettings, programContact, programName, PROGRAM_DEFAULTS, SETTING_LIMITS, weightName } from '@/lib/settings/program';
import { ContactForm } from './contact-form';
import { IdentityForm } from './identity-form';
import { CohortToggle, CreateCohortForm } from './cohort-forms';
import { SettingsForm } from './settings-form';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const user = await requireRole('admin');
  const [settings, cohorts, contact, name] = await Promise.all([getProgramSettings(user), listCohorts(user), programContact(), programName()]);
  // Every IANA zone the server knows, with the saved one kept even if this runtime lacks it.
  const zones = [...new Set([settings.timeZone, ...Intl.supportedValuesOf('timeZone')])].sort();
  const { termMonths, renewalWindowDays, cadenceDays, checkInFirstDays, checkInEveryDays } = SETTING_LIMITS;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Settings</h1>
        <p className="mt-1 max-w-prose text-stone-700">
          How long pairings last, when meetings count as due or overdue, how suggestions are scored, and the cohorts people register into. Every change is recorded
          in the audit log.
        </p>
      </div>

      <Card aria-labelledby="identity-heading">
        <h2 id="identity-heading" className="mb-1 text-lg font-semibold text-stone-900">
          The program
        </h2>
        <p className="mb-4 max-w-prose text-sm text-stone-700">Its name, and the time zone every date in the program is read in.</p>
        <IdentityForm programName={name} timeZone={settings.timeZone} zones={zones} />
      </Card>

      <Card aria-labelledby="contact-heading">
        <h2 id="contact-heading" className="mb-1 text-lg font-semibold text-stone-900">
          Program contact
        </h2>
        <p className="mb-4 max-w-prose text-sm text-stone-700">
          {contact
            ? 'Shown on the home page, at the foot of every portal page and in every email.'
            : 'No contact is shown yet. Add one so students and physicians know whom to write to: it appears on the home page, in the portals and in every email.'}
        </p>
        <ContactForm name={contact?.name ?? ''} email={contact?.email ?? ''} />
      </Card>

      <Card aria-labelledby="program-heading">
        <h2 id="program-heading" className="mb-1 text-lg font-semibold text-stone-900">
          Program settings
        </h2>
        <p className="mb-4 text-sm text-stone-600">Last saved {formatDateTime(settings.updatedAt)}.</p>
        <SettingsForm
          settings={[
            {
              name: 'termMonths',
              label: 'Term length (months)',
              hint: `${termMonths.min}–${termMonths.max}. Default ${PROGRAM_DEFAULTS.termMonths}. Applies to pairings approved from now on.`,
              value: settings.termMonths,
              ...termMonths,
            },
            {
              name: 'renewalWindowDays',
              label: 'Renewal window (days before the end)',
              hint: `${renewalWindowDays.min}–${renewalWindowDays.max}. Default ${PROGRAM_DEFAULTS.renewalWindowDays}. When both are asked to continue or conclude.`,
              value: settings.renewalWindowDays,
              ...renewalWindowDays,
            },
            {
              name: 'cadenceDueSoonDays',
              label: 'Meeting “due soon” after (days)',
              hint: `${cadenceDays.min}–${cadenceDays.max}, fewer than “overdue”. Default ${PROGRAM_DEFAULTS.cadenceDueSoonDays}.`,
              value: settings.cadenceDueSoonDays,
              ...cadenceDays,
            },
            {
              name: 'cadenceOverdueDays',
              label: 'Meeting “overdue” after (days)',
              hint: `${cadenceDays.min}–${cadenceDays.max}. Default ${PROGRAM_DEFAULTS.cadenceOverdueDays}. Overdue pairs get a reminder.`,
              value: settings.cadenceOverdueDays,
              ...cadenceDays,
            },
            {
              name: 'checkInFirstDays',
              label: 'First private check-in after (days)',
              hint: `${checkInFirstDays.min}–${checkInFirstDays.max}. Default ${PROGRAM_DEFAULTS.checkInFirstDays}. Counted from the pairing’s start.`,
              value: settings.checkInFirstDays,
              ...checkInFirstDays,
            },
            {
              name: 'checkInEveryDays',
              label: 'Then a check-in every (days)',
              hint: `${checkInEveryDays.min}–${checkInEveryDays.max}. Default ${PROGRAM_DEFAULTS.checkInEveryDays}. Paused pairings get none.`,
              value: settings.checkInEveryDays,
              ...checkInEveryDays,
            },
          ]}
          weights={CRITERION_KEYS.map((k) => ({ name: weightName(k), label: CRITERIA[k].label, defaultValue: CRITERIA[k].default, value: settings.weights[k] }))}
          weightLimits={SETTING_LIMITS.weight}
        />
      </Card>

      <Card aria-labelledby="cohorts-heading">
        <h2 id="cohorts-heading" className="mb-1 text-lg font-semibold text-stone-900">
          Cohorts
        </h2>
        <p className="mb-4 max-w-prose text-sm text-stone-700">
          New registrations join the open cohort with the earliest launch date. Closing a cohort stops new people joining it; those already in it stay.
        </p>
        {cohorts.length === 0 ? (
          <EmptyState title="No cohorts yet">Create the first one below.</EmptyState>
        ) : (
          <Table caption="Cohorts, latest launch first">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Program year</Th>
                <Th>Launch date</Th>
                <Th>Students</Th>
                <Th>Physicians</Th>
                <Th>Registrations</Th>
                <Th>
                  <span className="sr-only">Open or close</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {cohorts.map((c) => (
                <tr key={c.id}>
                  <Td className="min-w-40 font-semibold">{c.name}</Td>
                  <Td>{c.programYear}</Td>
                  <Td className="whitespace-nowrap">{formatDate(c.launchDate)}</Td>
                  <Td>{c.mentees}</Td>
                  <Td>{c.mentors}</Td>
                  <Td>
                    <Badge tone={c.isOpen ? 'good' : 'neutral'}>{c.isOpen ? 'Open' : 'Closed'}</Badge>
                  </Td>
                  <Td>
                    <CohortToggle cohortId={c.id} name={c.name} isOpen={c.isOpen} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <h3 className="mt-6 mb-3 text-base font-semibold text-stone-900">New cohort</h3>
        <CreateCohortForm nameMax={COHORT_NAME_MAX} suggestedYear={now().getUTCFullYear() + 1} />
      </Card>
    </div>
  );
}
