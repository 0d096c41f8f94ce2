import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConsentStatus, ErrorCode, WebFormLimits, WebFormOwnerMode, type PublicWebFormDto } from '@kehu/contracts';
import { DomainException, TransactionService } from '@kehu/server-core';
import { CustomFieldsService } from '@kehu/server-customers';
import { RateLimiterService, rateLimited, User } from '@kehu/server-identity';
import { DataSource } from 'typeorm';
import { LeadsService } from '../leads/leads.service';
import { WebForm } from './web-form.entity';
import { parseSubmission, publicFields } from './web-form-submission';

/** Fixed windows: a person sends a form a few times at most; a form's traffic is bounded so a flood cannot fill the leads table. */
export const WEB_FORM_RATE = { perIp: 10, perForm: 120, windowSeconds: 60 } as const;
/** The consent's recorded source (as contacts record theirs). */
const CONSENT_SOURCE = 'web form';
const DEFAULT_MESSAGE = '感谢您的提交，我们会尽快与您联系。Thank you — we will be in touch soon.';

export interface SubmissionOutcome {
  message: string;
  redirectUrl: string | null;
  /** The lead created (none for a honeypot hit). */
  leadId: string | null;
}

/**
 * The public side of web forms: the form's definition by its key, and submissions —
 * rate-limited per IP and per form, honeypot-filtered, validated against the form, then
 * one lead through LeadsService.capture in one transaction (source/campaign/form
 * attribution, the form's owner handling, duplicates flagged not refused, consents).
 */
@Injectable()
export class WebFormSubmissionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly leads: LeadsService,
    private readonly customFields: CustomFieldsService,
    private readonly limiter: RateLimiterService,
  ) {}

  /** An enabled, live form by its public key; anything else is 404 (nothing told about why). */
  async formByKey(key: string): Promise<WebForm> {
    const form = key.length <= 64 ? await this.ds.getRepository(WebForm).findOne({ where: { publicKey: key, enabled: true } }) : null;
    if (!form) throw DomainException.notFound('Web form');
    return form;
  }

  async definition(form: WebForm, submitUrl: string): Promise<PublicWebFormDto> {
    return { name: form.name, fields: publicFields(form, await this.customFields.definitions('lead')), consentText: form.consentText, submitUrl, honeypotField: WebFormLimits.honeypotField };
  }

  async submit(form: WebForm, body: unknown, ip: string | undefined): Promise<SubmissionOutcome> {
    await this.limit(`webform:ip:${ip ?? 'unknown'}`, WEB_FORM_RATE.perIp, 'Too many submissions from your address; try again later.');
    await this.limit(`webform:form:${form.id}`, WEB_FORM_RATE.perForm, 'This form is receiving too many submissions; try again later.');
    const answer = { message: form.successMessage ?? DEFAULT_MESSAGE, redirectUrl: form.redirectUrl };
    const parsed = parseSubmission(form, await this.customFields.definitions('lead'), body);
    if (parsed.bot) return { ...answer, leadId: null };
    const consents = parsed.consent && form.consentText ? form.consentChannels.map((channel) => ({ channel, status: ConsentStatus.OPTED_IN, source: CONSENT_SOURCE })) : [];
    const lead = await this.tx.run(async (m) => {
      const fixed = form.ownerMode === WebFormOwnerMode.FIXED && form.ownerId && (await m.exists(User, { where: { id: form.ownerId, active: true } }));
      const input = { ...parsed.lead, source: form.source as never, ...(form.campaignId ? { campaignId: form.campaignId } : {}), ...(fixed ? { ownerId: form.ownerId! } : {}) };
      try {
        // A fixed owner who has left sends the lead to the queue rather than failing the visitor.
        return await this.leads.capture(m, input, { channel: 'web_form', webFormId: form.id, flagDuplicates: true, queue: form.ownerMode !== WebFormOwnerMode.RULES, consents });
      } catch (err) {
        throw renameCustomFieldErrors(err);
      }
    });
    return { ...answer, leadId: lead.id };
  }

  private async limit(key: string, max: number, detail: string): Promise<void> {
    const hit = await this.limiter.hit(key, WEB_FORM_RATE.windowSeconds);
    if (hit.count > max) throw rateLimited(hit.retryAfterSeconds, detail);
  }
}

/** The capture names custom fields `customFields.<key>`; the visitor's input is `cf.<key>`. */
function renameCustomFieldErrors(err: unknown): unknown {
  if (!(err instanceof DomainException) || err.code !== ErrorCode.VALIDATION_FAILED || !err.options.errors) return err;
  const errors = err.options.errors.map((e) => ({ ...e, field: e.field.replace(/^customFields\./, 'cf.'), message: e.message.replace(/^customFields\./, 'cf.') }));
  return new DomainException(ErrorCode.VALIDATION_FAILED, errors.map((e) => e.message).join('; '), { errors });
}
