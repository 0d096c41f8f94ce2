import { Controller, Get, Inject, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckDto, HealthDto } from '@kehu/contracts';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { HttpReply } from '../http/http-reply';

@ApiTags('health')
@ApiExtraModels(HealthCheckDto)
@Public()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @ApiOkResponse({ type: HealthDto })
  getHealth(): HealthDto {
    return { status: 'ok', version: this.config.version, uptime: process.uptime() };
  }

  /** Readiness: the database answers and no migration is pending. */
  @Get('ready')
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async getReadiness(@Res({ passthrough: true }) res: HttpReply): Promise<HealthDto> {
    const checks: HealthDto['checks'] = {};
    try {
      await this.dataSource.query('SELECT 1');
      checks.database = { status: 'up' };
      const pending = await this.dataSource.showMigrations();
      checks.migrations = pending ? { status: 'down', detail: 'migrations pending' } : { status: 'up' };
    } catch (err) {
      checks.database = { status: 'down', detail: (err as Error).message };
    }
    const ok = Object.values(checks).every((c) => c.status === 'up');
    if (!ok) res.status(503);
    return { status: ok ? 'ok' : 'error', version: this.config.version, uptime: process.uptime(), checks };
  }
}
