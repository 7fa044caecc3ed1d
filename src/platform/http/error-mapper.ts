import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorKind } from '../errors.js';

/** The HTTP status of each domain error kind (also used where a library writes the response itself). */
export const HTTP_STATUS: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  throttled: 429,
};

/** Fastify's own request errors, given stable codes and Chinese messages. */
const FRAMEWORK_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json', message: '请求体不是有效的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json', message: '请求体为空,应为 JSON' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: '不支持的请求内容类型' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: '请求体过大' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'malformed_request', message: '请求长度不正确' },
};

/**
 * PostgreSQL refuses text it cannot store (a NUL character, bytes that are not UTF-8) with these SQL
 * states; SQLite stores them. Either way it is the client's input, so the answer is a 400, not a 500.
 */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

export interface ErrorBody {
  code: string;
  message: string;
  details?: readonly string[];
  requestId?: string;
}

/** The one place where errors become HTTP answers: `{ code, message }` with the right status. */
export function registerErrorMapper(
  app: FastifyInstance,
  options: { htmlNotFound?: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> } = {},
): void {
  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      if (error.extra.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.extra.retryAfterSeconds));
      const body: ErrorBody = { code: error.code, message: error.message };
      if (error.extra.details) body.details = error.extra.details;
      return reply.status(HTTP_STATUS[error.kind]).send(body);
    }
    if ('validation' in error && error.validation) {
      const details = error.validation.map((v) => describeValidation(error.validationContext ?? 'body', v));
      return reply.status(400).send({ code: 'invalid_input', message: `请求参数不正确:${details.join(';')}`, details });
    }
    if (error.code && UNSTORABLE_TEXT.has(error.code)) {
      return reply.status(400).send({ code: 'invalid_characters', message: '请求中含有不能处理的字符(如空字符),请删除后重试' });
    }
    const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
    if (known) return reply.status(known.status).send({ code: known.code, message: known.message });
    if (error.statusCode === 429) {
      return reply.status(429).send({ code: 'too_many_requests', message: '请求过于频繁,请稍后再试' });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ code: 'bad_request', message: '请求无法处理' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ code: 'internal_error', message: `服务器内部错误,请联系管理员(请求编号 ${request.id})`, requestId: request.id });
  });

  app.setNotFoundHandler((request, reply) => {
    // People following a stale link get a page; programs calling the API get JSON.
    if (options.htmlNotFound && !request.url.startsWith('/api/') && request.method === 'GET') return options.htmlNotFound(request, reply);
    return reply.status(404).send({ code: 'route_not_found', message: `没有这个接口:${request.method} ${request.url.split('?')[0]}` });
  });
}

interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

function describeValidation(context: string, item: ValidationItem): string {
  const where = `${context}${item.instancePath.replace(/\//g, '.')}`;
  const p = item.params;
  switch (item.keyword) {
    case 'required':
      return `${where}.${String(p.missingProperty)} 必填`;
    case 'additionalProperties':
      return `${where} 不允许字段 ${String(p.additionalProperty)}`;
    case 'type':
      return `${where} 类型应为 ${String(p.type)}`;
    case 'minLength':
      return `${where} 长度至少 ${String(p.limit)}`;
    case 'maxLength':
      return `${where} 长度至多 ${String(p.limit)}`;
    case 'minimum':
      return `${where} 不能小于 ${String(p.limit)}`;
    case 'maximum':
      return `${where} 不能大于 ${String(p.limit)}`;
    case 'enum':
    case 'const':
    case 'anyOf':
      return `${where} 取值不在允许范围内`;
    case 'pattern':
    case 'format':
      return `${where} 格式不正确`;
    case 'minItems':
      return `${where} 至少需要 ${String(p.limit)} 项`;
    case 'uniqueItems':
      return `${where} 不能有重复项`;
    default:
      return `${where} 不符合要求(${item.keyword})`;
  }
}
