import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, type AppConfig } from '@kehu/server-core';
import { CustomersModule } from '@kehu/server-customers';
import { IdentityModule } from '@kehu/server-identity';
import { SalesModule } from '@kehu/server-sales';
import { appSchema } from './app.schema';

/** Composition only: which modules make up the Kehu API. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot({ config, databaseUrl, ...appSchema }), IdentityModule, CustomersModule, SalesModule],
    };
  }
}
