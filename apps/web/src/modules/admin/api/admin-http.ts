// The admin module's calls use the shared helpers (kept here so its imports stay short).
export { body, clean, done, type QueryOf } from '@/core/api-http';
