// As in main.ts: the contracts' class-transformer decorators read design-time metadata.
import 'reflect-metadata/lite';
