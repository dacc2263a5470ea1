import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';

/** The name used when the program settings have none (see lib/settings/program.ts). */
export const PROGRAM_NAME = 'Physician–Pre-med Mentorship Program';

const body = { backgroundColor: '#f6f7f9', fontFamily: 'Helvetica, Arial, sans-serif', color: '#1f2937' };
const container = { backgroundColor: '#ffffff', margin: '24px auto', padding: '28px', maxWidth: '560px', borderRadius: '8px' };

/** Whom to write to, printed in every email (set by sendEmail from the program settings). */
export type EmailContact = { name: string; email: string } | null;

/** Every template takes the program contact; sendEmail fills it in, so no caller can forget it. */
export type WithContact = { contact?: EmailContact; program?: string };

export function EmailLayout({ preview, children, contact, program = PROGRAM_NAME }: { preview: string; children: ReactNode } & WithContact) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={{ fontSize: '13px', color: '#0f766e', fontWeight: 700, margin: 0 }}>{program}</Text>
          <Section>{children}</Section>
          <Hr style={{ borderColor: '#e5e7eb', margin: '24px 0 12px' }} />
          {contact && (
            <Text style={{ fontSize: '13px', color: '#374151' }}>
              Questions? Write to {contact.name}, the program coordinator, at{' '}
              <a href={`mailto:${contact.email}`} style={{ color: '#0f766e' }}>
                {contact.email}
              </a>
              .
            </Text>
          )}
          <Text style={{ fontSize: '12px', color: '#6b7280' }}>
            You are receiving this because your address was used with the {program}. If that was not you, ignore this email.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const buttonStyle = {
  backgroundColor: '#0f766e',
  color: '#ffffff',
  padding: '12px 20px',
  borderRadius: '6px',
  fontWeight: 600,
  textDecoration: 'none',
  display: 'inline-block',
};
