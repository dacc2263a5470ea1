import { describe, expect, it } from 'vitest';
import { signatureClearlyDiffers } from '@/lib/registration/signature';

describe('[REGISTRATION]: the typed signature is compared with the name', () => {
  it.each([
    ['Sam Lee', 'Dr. Samantha Lee'],
    ['dr test mentor', 'Dr. Test Mentor'],
    ['José Álvarez', 'Jose Alvarez'],
    ['Nguyen', 'Thi Nguyen MD'],
  ])('%s signs for %s', (signature, name) => expect(signatureClearlyDiffers(signature, name)).toBe(false));

  it.each([
    ['asdf', 'Dr. Test Mentor'],
    ['yes', 'Samantha Lee'],
    ['Dr. Jane Doe', 'Samantha Lee'],
  ])('%s is clearly not %s', (signature, name) => expect(signatureClearlyDiffers(signature, name)).toBe(true));

  it('nothing to compare with is not a difference', () => {
    expect(signatureClearlyDiffers('Sam Lee', '')).toBe(false);
    expect(signatureClearlyDiffers('', 'Sam Lee')).toBe(false);
  });
});
