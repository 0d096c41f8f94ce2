import { AppModuleName, type ModuleRolloutDto } from '@kehu/contracts';

/** Column order of the rollout table. */
export const rolloutModules: readonly AppModuleName[] = [AppModuleName.SALES, AppModuleName.MARKETING, AppModuleName.SERVICE, AppModuleName.ANALYTICS];

export type RolloutDraft = Record<string, AppModuleName[]>;

/** The modules each department would have after saving, starting from the stored rows. */
export function draftOf(rows: readonly ModuleRolloutDto[]): RolloutDraft {
  return Object.fromEntries(rows.map((r) => [r.departmentId, sortModules(r.modules)]));
}

export function sortModules(modules: readonly AppModuleName[]): AppModuleName[] {
  return rolloutModules.filter((m) => modules.includes(m));
}

/** Switches one module on or off in a draft row. */
export function toggleModule(draft: RolloutDraft, departmentId: string, module: AppModuleName, on: boolean): void {
  const current = draft[departmentId] ?? [];
  draft[departmentId] = sortModules(on ? [...current, module] : current.filter((m) => m !== module));
}

/** Rows whose draft differs from what is stored: the PUTs a save sends. */
export function changedRows(rows: readonly ModuleRolloutDto[], draft: RolloutDraft): ModuleRolloutDto[] {
  return rows.filter((r) => sortModules(r.modules).join() !== (draft[r.departmentId] ?? []).join());
}
