import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { ErrorCode } from '@kehu/contracts';
import { requestContext } from '../context/request-context';
import { DomainException } from '../errors/domain.exception';
import { IS_PUBLIC, REQUIRED_MODULE, REQUIRED_PERMISSION } from './auth.decorators';
import { PRINCIPAL_RESOLVER, type PrincipalResolver } from './principal';

/**
 * Global guard: every route needs a bearer token unless marked @Public().
 * Resolves the principal (through the identity module, looked up lazily so core does
 * not depend on it), then checks the module switch and the permission.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private resolver?: PrincipalResolver | null;

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  private getResolver(): PrincipalResolver | null {
    if (this.resolver === undefined) {
      try {
        this.resolver = this.moduleRef.get<PrincipalResolver>(PRINCIPAL_RESOLVER, { strict: false });
      } catch {
        this.resolver = null;
      }
    }
    return this.resolver;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest();
    const header: string | undefined = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const resolver = this.getResolver();
    if (!token || !resolver) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'A bearer token is required.', { headers: { 'WWW-Authenticate': 'Bearer' } });
    const onBehalfOf = req.headers['x-on-behalf-of'];
    const principal = await resolver.resolve(token, typeof onBehalfOf === 'string' ? onBehalfOf : undefined);
    req.principal = principal;
    const ctx = requestContext.get();
    if (ctx) ctx.principal = principal;

    const module = this.reflector.getAllAndOverride<string | undefined>(REQUIRED_MODULE, targets);
    if (module && !principal.modules.includes(module)) {
      throw new DomainException(ErrorCode.MODULE_DISABLED, `The ${module} module is not enabled for your department.`);
    }
    const permission = this.reflector.getAllAndOverride<string | undefined>(REQUIRED_PERMISSION, targets);
    if (permission && !principal.permissions[permission]) {
      throw new DomainException(ErrorCode.FORBIDDEN, `Missing permission ${permission}.`);
    }
    return true;
  }
}
