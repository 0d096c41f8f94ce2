import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import {
  AuditEventDto,
  ContactDto,
  ContactDuplicateCandidateDto,
  CreateContactDto,
  CreateContactQuery,
  ListContactsQuery,
  PageDtoOf,
  PageQueryDto,
  ProblemDto,
  UpdateContactConsentsDto,
  UpdateContactDto,
  type Page,
} from '@kehu/contracts';
import { APP_CONFIG, CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type AppConfig, type Principal, type HttpReply } from '@kehu/server-core';
import { AuditEventsService } from '@kehu/server-identity';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';

const ContactPageDto = PageDtoOf(ContactDto);

const duplicateResponse = {
  description: 'DUPLICATE_SUSPECTED: a contact (of any customer) has the same phone or e-mail; the problem carries `candidates`. Repeat with allowDuplicate=true to keep both.',
  content: {
    'application/problem+json': {
      schema: { allOf: [{ $ref: getSchemaPath(ProblemDto) }, { type: 'object', properties: { candidates: { type: 'array', items: { $ref: getSchemaPath(ContactDuplicateCandidateDto) } } } }] },
    },
  },
};

@ApiTags('contacts')
@ApiExtraModels(ContactDuplicateCandidateDto)
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such contact in your data scope.' })
@RequireModule('sales')
@Controller('contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly repo: ContactsRepository,
    private readonly audit: AuditEventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Contacts in your data scope (that of their customer's owner), with filters, sort and keyset paging. */
  @Get()
  @RequirePermission('sales.contact.read')
  @ApiOkResponse({ type: ContactPageDto })
  listContacts(@CurrentPrincipal() p: Principal, @Query() query: ListContactsQuery): Promise<Page<ContactDto>> {
    return this.repo.list(p, query, this.config.defaultPhoneRegion);
  }

  /** Normalises phones and e-mails, checks for duplicates, attaches the contact to a customer you may add contacts to (else 400 naming customerId). */
  @Post()
  @RequirePermission('sales.contact.create')
  @ApiCreatedResponse({ type: ContactDto })
  @ApiConflictResponse(duplicateResponse)
  createContact(@CurrentPrincipal() p: Principal, @Query() query: CreateContactQuery, @Body() dto: CreateContactDto): Promise<ContactDto> {
    return this.contacts.create(p, dto, query.allowDuplicate);
  }

  @Get(':id')
  @RequirePermission('sales.contact.read')
  @ApiOkResponse({ type: ContactDto, description: 'ETag carries the version for If-Match.' })
  async getContact(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<ContactDto> {
    const c = await this.repo.get(p, id);
    setEtag(res, c.version);
    return this.repo.toDto(c);
  }

  /** Needs If-Match. Changing phones or e-mails re-runs the duplicate check; isPrimary=true clears the customer's other primary contact. */
  @Patch(':id')
  @RequirePermission('sales.contact.update')
  @ApiOkResponse({ type: ContactDto })
  @ApiConflictResponse(duplicateResponse)
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  async updateContact(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Query() query: CreateContactQuery,
    @Body() dto: UpdateContactDto,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<ContactDto> {
    const out = await this.contacts.update(p, id, version, dto, query.allowDuplicate);
    setEtag(res, out.version);
    return out;
  }

  /** Needs If-Match on the contact. Sets the named channels' consent (others keep theirs); each change is audited with before/after. */
  @Put(':id/consents')
  @RequirePermission('sales.contact.update')
  @ApiOkResponse({ type: ContactDto })
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  async updateContactConsents(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateContactConsentsDto,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<ContactDto> {
    const out = await this.contacts.updateConsents(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** Moves the contact to the recycle bin. */
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('sales.contact.delete')
  @ApiNoContentResponse()
  async deleteContact(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.contacts.remove(p, id);
  }

  /** Brings a deleted contact back (not primary any more if its customer has another primary contact by then). */
  @Post(':id/restore')
  @HttpCode(200)
  @RequirePermission('sales.contact.delete')
  @ApiOkResponse({ type: ContactDto })
  restoreContact(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ContactDto> {
    return this.contacts.restore(p, id);
  }

  /** The History tab: every audited change (consents included), newest first. */
  @Get(':id/history')
  @RequirePermission('sales.contact.read')
  @ApiOkResponse({ type: PageDtoOf(AuditEventDto) })
  async getContactHistory(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto): Promise<Page<AuditEventDto>> {
    await this.repo.get(p, id);
    return this.audit.history('contact', id, query);
  }
}
