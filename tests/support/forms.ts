/** Valid form inputs (as the browser would send them) that tests vary one field at a time. */
export const validMenteeForm = (): Record<string, string | string[]> => ({
  fullName: 'Ana Test Student',
  preferredName: 'Ana',
  pronouns: 'she/her',
  school: 'University of Minnesota',
  schoolYear: 'second-year',
  major: 'Biology',
  targetCycle: String(new Date().getUTCFullYear() + 2),
  firstGen: 'yes',
  specialties: ['family-medicine'],
  helpWith: ['mcat', 'personal-statement'],
  meetingFormats: ['video'],
  availability: ['weekday-evening'],
  languages: ['english', 'spanish'],
  about: 'I want to be a family doctor.',
  identityPreference: 'preferred',
  identityPreferenceRaces: [],
  expectations: 'on',
});

export const validMentorForm = (): Record<string, string | string[]> => ({
  fullName: 'Dr. Test Mentor',
  preferredName: 'Sam',
  credential: 'MD',
  specialty: 'family-medicine',
  organisation: 'Example Clinic',
  yearsInPractice: '12',
  capacity: '2',
  advice: ['interviews', 'mcat'],
  meetingFormats: ['video', 'phone'],
  availability: ['weekend-morning'],
  about: 'Happy to help.',
  expectations: 'on',
});

export const identityForm = (consent: boolean): Record<string, string | string[]> => ({
  ...(consent ? { identityConsent: 'on' } : {}),
  races: ['black-african-american', 'hispanic-latino'],
  selfDescription: 'Afro-Latina',
  gender: 'woman',
});
