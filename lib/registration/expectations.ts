/**
 * The expectations both parties acknowledge at registration. Bump the version whenever the text
 * changes: each profile records the version its owner saw.
 */
export const EXPECTATIONS_VERSION = 1;

export const EXPECTATIONS: { title: string; detail: string }[] = [
  {
    title: 'At least one year together',
    detail: 'A mentorship runs for a term of one year. Near the end, you both choose whether to continue.',
  },
  {
    title: 'Meet every one to two months',
    detail: 'How often is up to the pair, but regular meetings are what make a mentorship meaningful.',
  },
  {
    title: 'Video or phone first',
    detail: 'Virtual and phone meetings are the preferred formats; meet in person only if you both want to.',
  },
  {
    title: 'Advice on the path into medicine',
    detail: 'Mentors advise on the medical school application, interviews, and educational and career goals.',
  },
  {
    title: 'Mutual respect and cultural humility',
    detail: 'Both people keep the mentorship a safe space, and either can talk to the program coordinator in confidence.',
  },
];

export const INITIAL_VALUES_STATEMENT = {
  title: 'Our commitment to anti-racism and cultural humility',
  body: [
    'Racism in medicine has a long history, and it harms patients and the people who want to care for them. As a mentor in this program, I commit to anti-racist practice in how I teach, advise and recruit.',
    'I will approach my mentee with cultural humility: I will listen to their experience, examine my own assumptions, and not presume to know what their path should look like.',
    'I will treat my mentee with respect, keep our conversations confidential, and help keep the mentorship a safe space for both of us.',
    'I understand that I may be asked to re-affirm this commitment when the program updates it, and that I will not be paired with new mentees until I do.',
  ].join('\n\n'),
};
