import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ErrorCode, type ProblemDto } from '@kehu/contracts';
import { QueryFailedError } from 'typeorm';
import { DomainException } from './domain.exception';
import { statusOf, titleOf, typeOf } from './problem-status';

const httpCodes: Record<number, ErrorCode> = {
  400: ErrorCode.MALFORMED_REQUEST,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.ROUTE_NOT_FOUND,
  405: ErrorCode.METHOD_NOT_ALLOWED,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: ErrorCode.RATE_LIMITED,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

/** Converts any thrown value into an RFC 9457 body; nothing internal reaches the client. */
export function toProblem(error: unknown, req: { originalUrl?: string; url?: string; id?: unknown }): { problem: ProblemDto; headers: Record<string, string> } {
  const base = { instance: (req.originalUrl ?? req.url)?.split('?')[0], requestId: req.id ? String(req.id) : undefined };
  if (error instanceof DomainException) {
    const status = error.options.status ?? statusOf(error.code as ErrorCode);
    return {
      problem: {
        type: typeOf(error.code),
        title: titleOf(status),
        status,
        detail: error.detail,
        code: error.code,
        ...base,
        ...(error.options.errors ? { errors: error.options.errors } : {}),
        ...(error.options.extensions ?? {}),
      },
      headers: error.options.headers ?? {},
    };
  }
  // Fastify's body parser errors (FST_ERR_CTP_*: too large, not JSON, a media type it does not take).
  const fst = error as { code?: string; statusCode?: number };
  if (fst && typeof fst === 'object' && typeof fst.code === 'string' && fst.code.startsWith('FST_ERR_CTP_') && typeof fst.statusCode === 'number') {
    const status = fst.statusCode;
    const code = status === 413 ? ErrorCode.PAYLOAD_TOO_LARGE : status === 415 ? ErrorCode.UNSUPPORTED_MEDIA_TYPE : ErrorCode.MALFORMED_REQUEST;
    const detail = code === ErrorCode.PAYLOAD_TOO_LARGE ? 'The request body is larger than the server accepts.' : code === ErrorCode.MALFORMED_REQUEST ? 'The request body is not valid JSON.' : 'The request body could not be read.';
    return { problem: { type: typeOf(code), title: titleOf(status), status, detail, code, ...base }, headers: {} };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = httpCodes[status] ?? (status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST);
    const response = error.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const detail = code === ErrorCode.ROUTE_NOT_FOUND ? `No route ${message ? String(message).replace(/^Cannot /, '') : ''}`.trim() : Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
    return { problem: { type: typeOf(code), title: titleOf(status), status, detail, code, ...base }, headers: {} };
  }
  // Invalid input that slipped past validation (e.g. a malformed uuid in a path) is the client's fault.
  if (error instanceof QueryFailedError && ['22P02', '22007', '22008', '22003'].includes((error as { code?: string }).code ?? '')) {
    return { problem: { type: typeOf(ErrorCode.MALFORMED_REQUEST), title: titleOf(400), status: 400, detail: 'A value in the request has the wrong format.', code: ErrorCode.MALFORMED_REQUEST, ...base }, headers: {} };
  }
  return {
    problem: { type: typeOf(ErrorCode.INTERNAL_ERROR), title: titleOf(500), status: 500, detail: 'An unexpected error occurred. Quote the request id when reporting it.', code: ErrorCode.INTERNAL_ERROR, ...base },
    headers: {},
  };
}

/** What the filter uses of Fastify's reply. */
interface ReplyLike {
  headersSent?: boolean;
  sent?: boolean;
  header(name: string, value: string): unknown;
  status(code: number): ReplyLike;
  type(contentType: string): ReplyLike;
  send(body: string): unknown;
}

export function sendProblem(r: ReplyLike, problem: ProblemDto, headers: Record<string, string>): void {
  if (r.headersSent || r.sent) return;
  for (const [k, v] of Object.entries(headers)) r.header(k, v);
  r.status(problem.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(problem));
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<{ originalUrl?: string; url?: string; id?: unknown }>();
    const res = ctx.getResponse<ReplyLike>();
    const { problem, headers } = toProblem(error, req);
    if (problem.status >= 500) this.logger.error({ err: error, requestId: problem.requestId }, 'request failed');
    sendProblem(res, problem, headers);
  }
}
