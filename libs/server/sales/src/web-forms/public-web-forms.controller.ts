import { Body, Controller, Get, HttpCode, Options, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiExcludeEndpoint, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnsupportedMediaTypeResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorCode, ProblemDto, PublicWebFormDto, WebFormLimits, WebFormSubmissionResultDto } from '@kehu/contracts';
import { DomainException, Public, type HttpReply } from '@kehu/server-core';
import type { Request, Response } from 'express';
import { allowFormOrigin } from './web-form-cors';
import { WebFormSubmissionsService } from './web-form-submissions.service';
import { thankYouPage } from './thank-you-page';

const keyParam = { name: 'key', description: "The form's public key (shown with the form in the app).", example: 'q9Xc3m1ZP0b7hK2wLr8sVt4u' };
const submitUrl = (key: string) => `/api/v1/public/web-forms/${encodeURIComponent(key)}/submissions`;

/**
 * The public web-form endpoints for the company's own sites: no authentication (the
 * unguessable key is the address), CORS per form (its allowed origins), rate-limited.
 */
@ApiTags('public web forms')
@ApiNotFoundResponse({ type: ProblemDto, description: 'NOT_FOUND: no enabled form has this key.' })
@Public()
@Controller('public/web-forms')
export class PublicWebFormsController {
  constructor(private readonly submissions: WebFormSubmissionsService) {}

  /** What a page needs to draw the form: fields (input names, labels, types, required), the consent text, where to post. Nothing internal. */
  @Get(':key')
  @ApiParam(keyParam)
  @ApiOkResponse({ type: PublicWebFormDto })
  async getPublicWebForm(@Param('key') key: string, @Req() req: Request, @Res({ passthrough: true }) res: HttpReply): Promise<PublicWebFormDto> {
    const form = await this.submissions.formByKey(key);
    allowFormOrigin(req, res, form);
    return this.submissions.definition(form, submitUrl(key));
  }

  /**
   * A visitor's submission, as JSON or as a plain HTML form post
   * (application/x-www-form-urlencoded). Creates one lead (attributed to the form, its
   * source and campaign; owner per the form; a likely duplicate is flagged, never
   * refused). JSON callers get 201 with the message; form posts get 303 to the form's
   * redirect URL or a small thank-you page. A filled `website` (honeypot) answers the
   * same success and creates nothing. `consent` (on/true) records the form's consent channels.
   */
  @Post(':key/submissions')
  @ApiParam(keyParam)
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({
    schema: {
      type: 'object',
      description: `The form's field names (see getPublicWebForm) with their values; \`${WebFormLimits.consentField}\` for the consent box, \`${WebFormLimits.honeypotField}\` must stay empty. At most ${WebFormLimits.submissionBodyMaxBytes} bytes.`,
      additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }] },
      example: { personName: '王芳', companyName: '杭州青禾贸易有限公司', phone: '13912345678', email: 'wang.fang@example.com', notes: '想了解报价', consent: 'on', website: '' },
    },
  })
  @ApiCreatedResponse({ type: WebFormSubmissionResultDto, description: 'JSON submission accepted.' })
  @ApiResponse({ status: 303, description: 'Form post accepted: see Location (the form\'s redirect URL).', headers: { Location: { schema: { type: 'string' } } } })
  @ApiOkResponse({ description: 'Form post accepted, the form has no redirect URL: a thank-you page.', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiUnsupportedMediaTypeResponse({ type: ProblemDto, description: 'UNSUPPORTED_MEDIA_TYPE: neither JSON nor form-encoded.' })
  @ApiTooManyRequestsResponse({
    description: 'RATE_LIMITED: too many submissions from this address or to this form; see Retry-After.',
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' } },
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
  })
  @HttpCode(201)
  async submitWebForm(@Param('key') key: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const formPost = !!req.is('application/x-www-form-urlencoded');
    if (!formPost && !req.is('application/json')) throw new DomainException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send application/json or application/x-www-form-urlencoded.');
    if (Number(req.headers['content-length'] ?? 0) > WebFormLimits.submissionBodyMaxBytes) throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, `A submission may be at most ${WebFormLimits.submissionBodyMaxBytes} bytes.`);
    const form = await this.submissions.formByKey(key);
    allowFormOrigin(req, res, form);
    const outcome = await this.submissions.submit(form, body, req.ip);
    if (!formPost) {
      res.status(201).json({ message: outcome.message, redirectUrl: outcome.redirectUrl });
    } else if (outcome.redirectUrl) {
      res.redirect(303, outcome.redirectUrl);
    } else {
      res.status(200).type('html').send(thankYouPage(form.name, outcome.message));
    }
  }

  /** CORS preflight for a script on one of the form's allowed origins. */
  @Options([':key', ':key/submissions'])
  @HttpCode(204)
  @ApiExcludeEndpoint()
  async preflightWebForm(@Param('key') key: string, @Req() req: Request, @Res({ passthrough: true }) res: HttpReply): Promise<void> {
    const form = await this.submissions.formByKey(key).catch(() => null);
    allowFormOrigin(req, res, form, true);
  }
}
