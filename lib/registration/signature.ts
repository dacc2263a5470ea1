/**
 * Whether a typed signature is clearly not the person's name: no word in common once titles,
 * accents, case and punctuation are set aside. "Sam Lee" signs for "Dr. Samantha Lee"; "asdf" or
 * "yes" does not. Only a warning is built on this: names are personal, and the person may go on.
 */
const TITLES = new Set(['dr', 'md', 'do', 'mr', 'mrs', 'ms', 'mx', 'prof', 'phd', 'jr', 'sr']);

function words(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !TITLES.has(w));
}

export function signatureClearlyDiffers(signature: string, fullName: string): boolean {
  const typed = words(signature);
  const name = new Set(words(fullName));
  if (typed.length === 0 || name.size === 0) return false;
  return !typed.some((w) => name.has(w));
}
