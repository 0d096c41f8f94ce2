import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@kehu/server-core';
import { buildOpenApiDocument } from './openapi.document';

/** Serves the contract at /api/openapi.json and Swagger UI at /api/docs. */
export function setupOpenApi(app: INestApplication, config: AppConfig): void {
  const doc = buildOpenApiDocument(app, config.version);
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/openapi.json', yamlDocumentUrl: 'api/openapi.yaml', useGlobalPrefix: false });
}
