import { Body, Controller, Get, HttpCode, Options, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiExcludeEndpoint, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnsupportedMediaTypeResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorCode, ProblemDto, PublicWebFormDto, WebFormLimits, WebFormSubmissionResultDto } from '@kehu/contracts';
import { DomainException, mediaTypeOf, Public, rawResponse, replyOf, sendRaw, type HttpReply } from '@kehu/server-core';
import type { IncomingHttpHeaders } from 'node:http';
import { allowFormOrigin } from './web-form-cors';
import { WebFormSubmissionsService } from './web-form-submissions.service';
import { thankYouPage } from './thank-you-page';

/** What these handlers read of the request (Express's and Fastify's both have it). */
type PublicRequest = { headers: IncomingHttpHeaders; ip?: string };

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
  async getPublicWebForm(@Param('key') key: string, @Req() req: PublicRequest, @Res({ passthrough: true }) res: HttpReply): Promise<PublicWebFormDto> {
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
  async submitWebForm(@Param('key') key: string, @Body() body: Record<string, unknown>, @Req() req: PublicRequest, @Res() res: HttpReply): Promise<void> {
    const type = mediaTypeOf(req);
    const formPost = type === 'application/x-www-form-urlencoded';
    if (!formPost && type !== 'application/json') throw new DomainException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send application/json or application/x-www-form-urlencoded.');
    if (Number(req.headers['content-length'] ?? 0) > WebFormLimits.submissionBodyMaxBytes) throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, `A submission may be at most ${WebFormLimits.submissionBodyMaxBytes} bytes.`);
    const form = await this.submissions.formByKey(key);
    allowFormOrigin(req, res, form);
    const outcome = await this.submissions.submit(form, body, req.ip);
    // Answered on Node's response (the framework's reply is let go of): CORS again on it.
    const raw = rawResponse(res);
    allowFormOrigin(req, replyOf(raw), form);
    if (!formPost) {
      sendRaw(raw, 201, 'application/json; charset=utf-8', JSON.stringify({ message: outcome.message, redirectUrl: outcome.redirectUrl }));
    } else if (outcome.redirectUrl) {
      raw.statusCode = 303;
      raw.setHeader('Location', outcome.redirectUrl);
      raw.end();
    } else {
      sendRaw(raw, 200, 'text/html; charset=utf-8', thankYouPage(form.name, outcome.message));
    }
  }

  /** CORS preflight for a script on one of the form's allowed origins. */
  @Options([':key', ':key/submissions'])
  @HttpCode(204)
  @ApiExcludeEndpoint()
  async preflightWebForm(@Param('key') key: string, @Req() req: PublicRequest, @Res({ passthrough: true }) res: HttpReply): Promise<void> {
    const form = await this.submissions.formByKey(key).catch(() => null);
    allowFormOrigin(req, res, form, true);
  }
}
