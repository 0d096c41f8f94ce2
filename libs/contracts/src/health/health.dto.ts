import { ResponseField } from '../common/fields.decorator';

export class HealthCheckDto {
  @ResponseField({ example: 'up' })
  status: 'up' | 'down';

  @ResponseField({ optional: true })
  detail?: string;
}

export class HealthDto {
  @ResponseField({ example: 'ok' })
  status: 'ok' | 'error';

  @ResponseField({ example: '0.1.0' })
  version: string;

  @ResponseField({ example: 12.5, description: 'Seconds since the process started.' })
  uptime: number;

  @ResponseField({ optional: true, type: 'object', additionalProperties: { $ref: '#/components/schemas/HealthCheckDto' } })
  checks?: Record<string, HealthCheckDto>;
}
