export { createKehuClient, unwrap } from './create-kehu-client';
export type { KehuClient, KehuClientOptions, UnauthorizedContext } from './create-kehu-client';
export { ApiProblemError, isApiProblemError } from './api-problem.error';
export type { Problem, FieldError } from './api-problem.error';
export type { paths, components, operations } from './generated/schema';

import type { components } from './generated/schema';
/** Named shapes of the API (`Schemas['MeDto']`), generated from the OpenAPI contract. */
export type Schemas = components['schemas'];
