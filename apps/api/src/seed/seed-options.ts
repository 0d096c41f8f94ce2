export interface SeedOptions {
  size: 'small' | 'large';
  seed: number;
}

export const seedSizes = {
  small: { regions: 3, departmentsPerRegion: 2, repsPerDepartment: 3, customersPerRep: 8 },
  large: { regions: 5, departmentsPerRegion: 4, repsPerDepartment: 9, customersPerRep: 60 },
} as const;

/** `--size small|large --seed 42` */
export function parseSeedArgs(argv: string[]): SeedOptions {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${flag}=`))?.split('=')[1];
  };
  const size = get('--size') ?? 'small';
  if (size !== 'small' && size !== 'large') throw new Error(`--size must be small or large (got ${size})`);
  const seed = Number(get('--seed') ?? 42);
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return { size, seed };
}
