import { Button, Heading, Text } from '@react-email/components';
import { buttonStyle, EmailLayout, type WithContact } from './layout';

export type NoticeProps = WithContact & {
  preview: string;
  heading: string;
  greeting?: string;
  paragraphs: string[];
  action?: { label: string; url: string };
};

/** The shape of most program emails: a heading, a few short paragraphs, one action. */
export function NoticeEmail({ preview, heading, greeting, paragraphs, action, contact, program }: NoticeProps) {
  return (
    <EmailLayout preview={preview} contact={contact} program={program}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {heading}
      </Heading>
      {greeting && <Text>{greeting}</Text>}
      {paragraphs.map((p, i) => (
        <Text key={i} style={{ whiteSpace: 'pre-line' }}>
          {p}
        </Text>
      ))}
      {action && (
        <Button href={action.url} style={buttonStyle}>
          {action.label}
        </Button>
      )}
    </EmailLayout>
  );
}
