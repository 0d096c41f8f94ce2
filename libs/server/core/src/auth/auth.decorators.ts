import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Principal } from './principal';

export const IS_PUBLIC = 'kehu:public';
export const REQUIRED_PERMISSION = 'kehu:permission';
export const REQUIRED_MODULE = 'kehu:module';

/** No authentication needed (login, health, public forms). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller needs this permission (`sales.customer.read`); its scope then filters records. */
export const RequirePermission = (permission: string) =>
  // Also in the contract as x-kehu-permission, so integrators and the access test suite can read it.
  applyDecorators(SetMetadata(REQUIRED_PERMISSION, permission), ApiExtension('x-kehu-permission', permission));

/** The endpoint belongs to a module that is switched on per department. */
export const RequireModule = (module: string) => applyDecorators(SetMetadata(REQUIRED_MODULE, module), ApiExtension('x-kehu-module', module));

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest().principal;
});
