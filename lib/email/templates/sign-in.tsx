import { Button, Heading, Text } from '@react-email/components';
import { buttonStyle, EmailLayout, type WithContact } from './layout';

export function SignInEmail({ url, minutes, contact, program }: { url: string; minutes: number } & WithContact) {
  return (
    <EmailLayout preview="Your sign-in link" contact={contact} program={program}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        Sign in
      </Heading>
      <Text>Use the button below to sign in. The link works once and expires in {minutes} minutes.</Text>
      <Button href={url} style={buttonStyle}>
        Continue to sign in
      </Button>
      <Text style={{ fontSize: '13px', color: '#4b5563' }}>If the button does not work, copy this address into your browser: {url}</Text>
    </EmailLayout>
  );
}
