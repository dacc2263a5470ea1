import { Button, Heading, Text } from '@react-email/components';
import { buttonStyle, EmailLayout } from './layout';

/** The admin-edited introduction: plain paragraphs, rendered as text (never as HTML). */
export function IntroductionEmail({ subject, body, portalUrl }: { subject: string; body: string; portalUrl: string }) {
  return (
    <EmailLayout preview={subject}>
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
