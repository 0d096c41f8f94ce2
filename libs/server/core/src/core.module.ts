import { DynamicModule, Module, RequestMethod, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { AuditEvent } from './audit/audit-event.entity';
import { AuditService } from './audit/audit.service';
import { AuthGuard } from './auth/auth.guard';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { ChangeSignals } from './database/change-signals';
import { DATABASE_URL } from './database/database-url.token';
import { dataSourceOptions, type SchemaParts } from './database/data-source.options';
import { TransactionService } from './database/transaction.service';
import { ProblemFilter } from './errors/problem.filter';
import { validationException } from './errors/validation-errors';
import { HealthController } from './health/health.controller';
import { Notification } from './notifications/notification.entity';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsService } from './notifications/notifications.service';
import { Clock } from './time/clock';
import { JobsService } from './jobs/jobs.service';
import { OutboxEvent } from './outbox/outbox-event.entity';
import { OutboxDispatcher } from './outbox/outbox-dispatcher.service';
import { OutboxService } from './outbox/outbox.service';

export const coreEntities = [AuditEvent, OutboxEvent, Notification];

export interface CoreModuleOptions extends SchemaParts {
  config: AppConfig;
  /** Resolved connection string (external or the embedded server's). */
  databaseUrl: string;
}

/** The global pipe: unknown fields are refused, types converted, rules from the shared DTOs. */
export const globalValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: validationException,
  });

@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    const { config, databaseUrl } = options;
    return {
      module: CoreModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          // Nest 11 path syntax; the library's default '*' triggers a deprecation warning.
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req: IncomingMessage & { id?: unknown }) => String(req.id ?? ''),
            autoLogging: { ignore: (req: IncomingMessage) => Boolean(req.url?.startsWith('/api/health')) },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              // Status and size only: the ~15 response headers are the same security headers on every line.
              res: (res: { statusCode: number; headers?: Record<string, unknown> }) => ({ statusCode: res.statusCode, contentLength: res.headers?.['content-length'] }),
            },
          },
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, { entities: [...new Set([...coreEntities, ...(options.entities as [])])], migrations: options.migrations }, config.dbPoolSize),
        }),
        TypeOrmModule.forFeature(coreEntities),
      ],
      controllers: [HealthController, NotificationsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: databaseUrl },
        { provide: APP_PIPE, useFactory: globalValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_GUARD, useClass: AuthGuard },
        TransactionService,
        ChangeSignals,
        AuditService,
        OutboxService,
        OutboxDispatcher,
        JobsService,
        Clock,
        NotificationsService,
      ],
      exports: [APP_CONFIG, DATABASE_URL, TypeOrmModule, TransactionService, ChangeSignals, AuditService, OutboxService, OutboxDispatcher, JobsService, Clock, NotificationsService],
    };
  }
}
