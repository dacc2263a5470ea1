import { Button, Heading, Text } from '@react-email/components';
import { buttonStyle, EmailLayout, type WithContact } from './layout';

/** The admin-edited introduction: plain paragraphs, rendered as text (never as HTML). */
export function IntroductionEmail({ subject, body, portalUrl, contact, program }: { subject: string; body: string; portalUrl: string } & WithContact) {
  return (
    <EmailLayout preview={subject} contact={contact} program={program}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {subject}
      </Heading>
      {body.split(/\n{2,}/).map((p, i) => (
        <Text key={i} style={{ whiteSpace: 'pre-line' }}>
          {p}
        </Text>
      ))}
      <Button href={portalUrl} style={buttonStyle}>
        Open your portal
      </Button>
    </EmailLayout>
  );
}
