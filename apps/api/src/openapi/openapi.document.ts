import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorCode, ProblemDto } from '@kehu/contracts';

const problemRef = { $ref: '#/components/schemas/ProblemDto' };
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemRef } } });

/**
 * The contract: operationIds are controller method names (unique app-wide, they become
 * the client's function names); every operation documents the problem responses it can give.
 */
export function buildOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Kehu CRM API')
    .setDescription('REST API of Kehu (客户). Errors are RFC 9457 problem+json with a stable `code`; lists use keyset pagination (`limit`, `cursor`, `nextCursor`).')
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT or API key' })
    .build();
  const doc = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controller, method) => method,
    extraModels: [ProblemDto],
  });
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item) as [string, { operationId?: string; responses: Record<string, unknown>; security?: unknown[]; requestBody?: unknown; parameters?: unknown[] }][]) {
      if (!op?.responses) continue;
      const id = op.operationId ?? '';
      if (seen.has(id)) throw new Error(`operationId ${id} is used by ${seen.get(id)} and ${method.toUpperCase()} ${path}; controller method names must be unique`);
      seen.set(id, `${method.toUpperCase()} ${path}`);
      const isPublic = !path.startsWith('/api/v1/') || /\/auth\/(login|refresh)$/.test(path) || path.startsWith('/api/v1/public/');
      if (!isPublic) op.security = [{ bearer: [] }];
      // Fill in the problem responses every operation can give, without overriding specific ones.
      const defaults: Record<string, ReturnType<typeof problem>> = {
        '500': problem('Unexpected error (INTERNAL_ERROR); quote the requestId.'),
      };
      if (op.requestBody || op.parameters?.length) defaults['400'] = problem('Invalid input (VALIDATION_FAILED, MALFORMED_REQUEST) with field errors.');
      if (op.requestBody) defaults['413'] = problem('Body too large (PAYLOAD_TOO_LARGE).');
      if (!isPublic) {
        defaults['401'] = problem('Missing or invalid credentials (UNAUTHENTICATED, TOKEN_EXPIRED, ACCOUNT_DISABLED).');
        defaults['403'] = problem('Missing permission or module disabled (FORBIDDEN, MODULE_DISABLED, DELEGATION_EXPIRED).');
        defaults['429'] = problem('Too many requests for this API key (RATE_LIMITED); see Retry-After.');
      }
      for (const [status, response] of Object.entries(defaults)) {
        const existing = op.responses[status] as { content?: unknown } | undefined;
        if (!existing) op.responses[status] = response;
        else if (!existing.content) op.responses[status] = { ...existing, content: response.content };
      }
      for (const [status, response] of Object.entries(op.responses) as [string, { content?: Record<string, unknown> }][]) {
        // Nest documents error bodies as application/json; ours are problem+json.
        if (Number(status) >= 400 && response.content?.['application/json']) {
          response.content = { 'application/problem+json': response.content['application/json'] };
        }
      }
    }
  }
  doc.components ??= {};
  doc.components.schemas ??= {};
  (doc.components.schemas as Record<string, unknown>)['ErrorCode'] = { type: 'string', enum: Object.values(ErrorCode), description: 'Core error codes; domain modules add their own, documented on their operations.' };
  return sortKeys(doc) as OpenAPIObject;
}

/** Recursively sorted object keys, so the committed spec is stable and diffs are readable. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
