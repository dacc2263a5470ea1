/**
 * Sign-in links kept for the dev outbox are sealed (AES-256-GCM) with a key derived from
 * AUTH_SECRET, so a database read or a backup alone holds no usable link: only the running app,
 * which knows the secret, can open one to show it in the outbox.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'mentor-match', 'outbox-sign-in-link', 32));
}

export function sealLink(url: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secret), iv);
  const body = Buffer.concat([cipher.update(url, 'utf8'), cipher.final()]);
  return [VERSION, iv, body, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** The link, or null when the seal is not ours (another secret, tampered, or not a seal at all). */
export function openLink(sealed: string, secret: string): string | null {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== VERSION || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(secret), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
