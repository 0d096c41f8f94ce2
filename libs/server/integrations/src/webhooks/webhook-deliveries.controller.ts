import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ProblemDto, WebhookDeliveryDetailDto } from '@kehu/contracts';
import { RequirePermission } from '@kehu/server-core';
import { WebhookDeliveriesService } from './webhook-deliveries.service';

/** One webhook delivery: what was sent, what came back, and sending it again. */
@ApiTags('webhooks')
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such delivery (or its webhook was deleted).' })
@Controller('webhook-deliveries')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveriesService) {}

  @Get(':id')
  @RequirePermission('integrations.webhook.manage')
  @ApiOkResponse({ type: WebhookDeliveryDetailDto })
  getWebhookDelivery(@Param('id', ParseUUIDPipe) id: string): Promise<WebhookDeliveryDetailDto> {
    return this.deliveries.get(id);
  }

  /** A delivered or failed delivery goes out again now, with a fresh retry schedule. */
  @Post(':id/redeliver')
  @HttpCode(200)
  @RequirePermission('integrations.webhook.manage')
  @ApiOkResponse({ type: WebhookDeliveryDetailDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'CONFLICT: the delivery is still pending (it is being sent or retried).' })
  redeliverWebhookDelivery(@Param('id', ParseUUIDPipe) id: string): Promise<WebhookDeliveryDetailDto> {
    return this.deliveries.redeliver(id);
  }
}
