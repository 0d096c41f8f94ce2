/** The resolved connection string (external or embedded), for clients outside TypeORM. */
export const DATABASE_URL = Symbol('DATABASE_URL');
