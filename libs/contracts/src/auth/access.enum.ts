/** Which records a grant covers. Ordered from narrowest to widest. */
export enum DataScope {
  OWN = 'own',
  TEAM = 'team',
  DEPARTMENT = 'department',
  ALL = 'all',
}

export const dataScopeRank: Record<DataScope, number> = { own: 0, team: 1, department: 2, all: 3 };

/** Modules switched on per department (成熟一个上线一个). */
export enum AppModuleName {
  SALES = 'sales',
  MARKETING = 'marketing',
  SERVICE = 'service',
  ANALYTICS = 'analytics',
}
