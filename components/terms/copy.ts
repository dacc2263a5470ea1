/** "a year", "6 months": how long a renewed term runs, in words. */
export const termLength = (months: number) => (months === 12 ? 'another year' : months % 12 === 0 ? `another ${months / 12} years` : `another ${months} months`);
