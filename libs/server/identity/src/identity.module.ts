import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PRINCIPAL_RESOLVER } from '@kehu/server-core';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { PasswordService } from './auth/password.service';
import { PrincipalCache } from './auth/principal-cache';
import { PrincipalResolverService } from './auth/principal-resolver.service';
import { RefreshToken } from './auth/refresh-token.entity';
import { TokenService } from './auth/token.service';
import { ApiKey } from './api-keys/api-key.entity';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeysService } from './api-keys/api-keys.service';
import { LoginThrottleService } from './auth/login-throttle.service';
import { RateLimitBucket } from './auth/rate-limit-bucket.entity';
import { RateLimiterService } from './auth/rate-limiter.service';
import { Delegation } from './delegations/delegation.entity';
import { DelegationsController } from './delegations/delegations.controller';
import { DelegationsService } from './delegations/delegations.service';
import { AuditEventsController } from './audit/audit-events.controller';
import { AuditEventsService } from './audit/audit-events.service';
import { IdentityBootstrapService } from './bootstrap/identity-bootstrap.service';
import { DepartmentsController } from './departments/departments.controller';
import { DepartmentsRepository } from './departments/departments.repository';
import { DepartmentsService } from './departments/departments.service';
import { RolesController } from './roles/roles.controller';
import { RolesService } from './roles/roles.service';
import { ModuleRolloutController } from './rollout/module-rollout.controller';
import { ModuleRolloutService } from './rollout/module-rollout.service';
import { TeamsController } from './teams/teams.controller';
import { TeamsService } from './teams/teams.service';
import { UsersController } from './users/users.controller';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';
import { Department } from './departments/department.entity';
import { MeController } from './me/me.controller';
import { MeService } from './me/me.service';
import { Role } from './roles/role.entity';
import { UserRole } from './roles/user-role.entity';
import { TeamMember } from './teams/team-member.entity';
import { Team } from './teams/team.entity';
import { User } from './users/user.entity';

export const identityEntities = [User, Department, Role, UserRole, Team, TeamMember, RefreshToken, ApiKey, Delegation, RateLimitBucket];

@Module({
  imports: [JwtModule.register({}), TypeOrmModule.forFeature(identityEntities)],
  controllers: [AuthController, MeController, ApiKeysController, DelegationsController, UsersController, DepartmentsController, TeamsController, RolesController, ModuleRolloutController, AuditEventsController],
  providers: [
    AuthService,
    PasswordService,
    TokenService,
    MeService,
    IdentityBootstrapService,
    UsersService,
    UsersRepository,
    DepartmentsService,
    DepartmentsRepository,
    TeamsService,
    RolesService,
    ModuleRolloutService,
    AuditEventsService,
    PrincipalCache,
    PrincipalResolverService,
    RateLimiterService,
    LoginThrottleService,
    ApiKeysService,
    DelegationsService,
    { provide: PRINCIPAL_RESOLVER, useExisting: PrincipalResolverService },
  ],
  exports: [PRINCIPAL_RESOLVER, PasswordService, TokenService, AuditEventsService, RateLimiterService],
})
export class IdentityModule {}
