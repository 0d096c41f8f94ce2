import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { CreateWebhookDto, ListWebhookDeliveriesQuery, ListWebhooksQuery, PageDtoOf, ProblemDto, UpdateWebhookDto, WebhookDeliveryDto, WebhookDto, WebhookWithSecretDto, type Page } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequirePermission, setEtag, type HttpReply, type Principal } from '@kehu/server-core';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhooksService } from './webhooks.service';

const badInput = { type: ProblemDto, description: 'VALIDATION_FAILED naming the field: url not http(s) or over 2,000 characters, an event pattern that is not like customer.*, case.resolved or *.' };
const stale = { type: ProblemDto, description: 'PRECONDITION_FAILED: changed by someone else (428 PRECONDITION_REQUIRED without If-Match).' };

/** Outgoing webhooks: domain events POSTed to integrators' URLs, signed (see the API guide, "Webhooks"). */
@ApiTags('webhooks')
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such webhook.' })
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @Get()
  @RequirePermission('integrations.webhook.manage')
  @ApiOkResponse({ type: PageDtoOf(WebhookDto) })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: limit out of range, a bad cursor.' })
  listWebhooks(@Query() query: ListWebhooksQuery): Promise<Page<WebhookDto>> {
    return this.webhooks.list(query);
  }

  /** The answer carries the signing secret, this once. */
  @Post()
  @RequirePermission('integrations.webhook.manage')
  @ApiCreatedResponse({ type: WebhookWithSecretDto })
  @ApiBadRequestResponse(badInput)
  createWebhook(@CurrentPrincipal() p: Principal, @Body() dto: CreateWebhookDto): Promise<WebhookWithSecretDto> {
    return this.webhooks.create(p, dto);
  }

  @Get(':id')
  @RequirePermission('integrations.webhook.manage')
  @ApiOkResponse({ type: WebhookDto, description: 'ETag carries the version for If-Match.' })
  async getWebhook(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<WebhookDto> {
    const out = await this.webhooks.get(id);
    setEtag(res, out.version);
    return out;
  }

  /** Needs If-Match. `active: true` resumes a paused webhook (its waiting deliveries go out). */
  @Patch(':id')
  @RequirePermission('integrations.webhook.manage')
  @ApiOkResponse({ type: WebhookDto })
  @ApiBadRequestResponse(badInput)
  @ApiPreconditionFailedResponse(stale)
  async updateWebhook(@Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateWebhookDto, @Res({ passthrough: true }) res: HttpReply): Promise<WebhookDto> {
    const out = await this.webhooks.update(id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** Nothing more is sent to it, deliveries waiting included. */
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('integrations.webhook.manage')
  @ApiNoContentResponse()
  async deleteWebhook(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.webhooks.remove(id);
  }

  /** Needs If-Match. A new signing secret, in this answer only; the old one stops signing at once. */
  @Post(':id/rotate-secret')
  @HttpCode(200)
  @RequirePermission('integrations.webhook.manage')
  @ApiOkResponse({ type: WebhookWithSecretDto })
  @ApiPreconditionFailedResponse(stale)
  async rotateWebhookSecret(@Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Res({ passthrough: true }) res: HttpReply): Promise<WebhookWithSecretDto> {
    const out = await this.webhooks.rotateSecret(id, version);
    setEtag(res, out.version);
    return out;
  }

  /** Queues a `webhook.ping` delivery to this webhook only (sent within seconds while it is active). */
  @Post(':id/ping')
  @RequirePermission('integrations.webhook.manage')
  @ApiCreatedResponse({ type: WebhookDeliveryDto })
  pingWebhook(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookDeliveryDto> {
    return this.webhooks.ping(p, id);
  }

  /** Newest first; filter by status. */
  @Get(':id/deliveries')
  @RequirePermission('integrations.webhook.manage')
  @ApiOkResponse({ type: PageDtoOf(WebhookDeliveryDto) })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: an unknown status, limit out of range, a bad cursor.' })
  listWebhookDeliveries(@Param('id', ParseUUIDPipe) id: string, @Query() query: ListWebhookDeliveriesQuery): Promise<Page<WebhookDeliveryDto>> {
    return this.deliveries.list(id, query);
  }
}
