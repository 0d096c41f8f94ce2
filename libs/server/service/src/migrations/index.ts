export const serviceMigrations: Function[] = [];
