export const salesMigrations = [];
