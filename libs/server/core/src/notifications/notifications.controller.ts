import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListNotificationsQuery, NotificationDto, PageDtoOf, ProblemDto, UnreadCountDto, type Page } from '@kehu/contracts';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { DomainException } from '../errors/domain.exception';
import { NotificationsService } from './notifications.service';

/** The caller's own inbox: every signed-in user, no permission needed; nobody reads another's. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** Newest first. */
  @Get()
  @ApiOkResponse({ type: PageDtoOf(NotificationDto) })
  listNotifications(@CurrentPrincipal() p: Principal, @Query() query: ListNotificationsQuery): Promise<Page<NotificationDto>> {
    return this.notifications.list(p.userId, query);
  }

  /** For the bell badge. */
  @Get('unread-count')
  @ApiOkResponse({ type: UnreadCountDto })
  async countUnreadNotifications(@CurrentPrincipal() p: Principal): Promise<UnreadCountDto> {
    return { unread: await this.notifications.unreadCount(p.userId) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: UnreadCountDto, description: 'Unread left (0).' })
  async markAllNotificationsRead(@CurrentPrincipal() p: Principal): Promise<UnreadCountDto> {
    await this.notifications.markAllRead(p.userId);
    return { unread: 0 };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'Not one of your notifications.' })
  async markNotificationRead(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<NotificationDto> {
    const out = await this.notifications.markRead(p.userId, id);
    if (!out) throw DomainException.notFound('Notification');
    return out;
  }
}
