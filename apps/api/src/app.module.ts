import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, type AppConfig } from '@kehu/server-core';
import { CustomersModule } from '@kehu/server-customers';
import { IdentityModule } from '@kehu/server-identity';
import { IntegrationsModule } from '@kehu/server-integrations';
import { SalesModule } from '@kehu/server-sales';
import { AnalyticsModule } from '@kehu/server-analytics';
import { MarketingModule } from '@kehu/server-marketing';
import { ServiceModule } from '@kehu/server-service';
import { appSchema } from './app.schema';

/** Composition only: which modules make up the Kehu API. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      // Integrations before customers and sales: its /customers/export.csv (and /opportunities/export.csv) must route before /customers/:id (/opportunities/:id).
      imports: [CoreModule.forRoot({ config, databaseUrl, ...appSchema }), IdentityModule, IntegrationsModule, CustomersModule, SalesModule, AnalyticsModule, MarketingModule, ServiceModule],
    };
  }
}
