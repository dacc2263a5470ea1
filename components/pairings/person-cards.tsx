import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { MyMentee, MyMentor } from '@/lib/pairings/queries';
import { now } from '@/lib/time/clock';
import { CREDENTIALS, HELP_AREAS, labelOf, RACE_CATEGORIES, SCHOOL_YEARS, SPECIALTIES } from '@/lib/registration/options';

const longDate = (d: string | null) => (d ? new Date(`${d}T12:00:00Z`).toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'UTC' }) : '—');

/** `end` is the current term's end (pairings.endDate), which moves when the pair renews. */
function Term({ start, end }: { start: string | null; end: string | null }) {
  const today = now().toISOString().slice(0, 10);
  return (
    <p className="text-sm text-stone-600">
      {start && start > today ? `Starts ${longDate(start)}` : `Since ${longDate(start)}`} · current term ends {longDate(end)}
    </p>
  );
}

/** What a student sees of their mentor: the profile, and identity only if the mentor chose to show it. */
export function MentorCard({ mentor }: { mentor: MyMentor }) {
  const credential = mentor.credential === 'other' ? mentor.credentialOther : labelOf(CREDENTIALS, mentor.credential);
  const specialty = [labelOf(SPECIALTIES, mentor.specialty), mentor.specialtyOther].filter(Boolean).join(' — ');
  return (
    <Card>
      <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-600">Your mentor</h2>
      <p className="mt-2 text-xl font-semibold text-stone-900">
        {mentor.name}
        {credential ? `, ${credential}` : ''}
        {mentor.pronouns && <span className="ml-2 text-sm font-normal text-stone-600">({mentor.pronouns})</span>}
      </p>
      <p className="text-stone-700">
        {specialty} · {mentor.organisation}
      </p>
      <Term start={mentor.startDate} end={mentor.endDate} />
      <p className="mt-3">
        <a href={`mailto:${mentor.email}`} className="font-semibold">
          {mentor.email}
        </a>
      </p>
      {mentor.about && <p className="mt-3 whitespace-pre-line text-stone-800">{mentor.about}</p>}
      {mentor.identity && (mentor.identity.races.length > 0 || mentor.identity.selfDescription || mentor.identity.gender) && (
        <div className="mt-3 flex flex-wrap gap-2" aria-label="Identity the mentor chose to share">
          {mentor.identity.races.map((r) => (
            <Badge key={r}>{labelOf(RACE_CATEGORIES, r)}</Badge>
          ))}
          {mentor.identity.selfDescription && <Badge>{mentor.identity.selfDescription}</Badge>}
          {mentor.identity.gender && <Badge>{mentor.identity.gender}</Badge>}
        </div>
      )}
    </Card>
  );
}

/** What a mentor sees of a mentee: the profile they wrote — never identity answers. */
export function MenteeCard({ mentee }: { mentee: MyMentee }) {
  return (
    <Card>
      <p className="text-lg font-semibold text-stone-900">
        {mentee.name}
        {mentee.pronouns && <span className="ml-2 text-sm font-normal text-stone-600">({mentee.pronouns})</span>}
      </p>
      <p className="text-stone-700">
        {labelOf(SCHOOL_YEARS, mentee.schoolYear)}, {mentee.major} · {mentee.school} · applying {mentee.targetCycle}
      </p>
      <Term start={mentee.startDate} end={mentee.endDate} />
      <p className="mt-3">
        <a href={`mailto:${mentee.email}`} className="font-semibold">
          {mentee.email}
        </a>
      </p>
      {mentee.helpWith.length > 0 && (
        <div className="mt-3">
          <p className="text-sm font-semibold text-stone-700">Would like help with</p>
          <div className="mt-1 flex flex-wrap gap-2">
            {mentee.helpWith.map((h) => (
              <Badge key={h} tone="info">
                {labelOf(HELP_AREAS, h)}
              </Badge>
            ))}
          </div>
        </div>
      )}
      {mentee.about && <p className="mt-3 whitespace-pre-line text-stone-800">{mentee.about}</p>}
    </Card>
  );
}
