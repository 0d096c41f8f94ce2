import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PRINCIPAL_RESOLVER } from '@kehu/server-core';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { PasswordService } from './auth/password.service';
import { PrincipalResolverService } from './auth/principal-resolver.service';
import { RefreshToken } from './auth/refresh-token.entity';
import { TokenService } from './auth/token.service';
import { IdentityBootstrapService } from './bootstrap/identity-bootstrap.service';
import { Department } from './departments/department.entity';
import { MeController } from './me/me.controller';
import { MeService } from './me/me.service';
import { Role } from './roles/role.entity';
import { UserRole } from './roles/user-role.entity';
import { TeamMember } from './teams/team-member.entity';
import { Team } from './teams/team.entity';
import { User } from './users/user.entity';

export const identityEntities = [User, Department, Role, UserRole, Team, TeamMember, RefreshToken];

@Module({
  imports: [JwtModule.register({}), TypeOrmModule.forFeature(identityEntities)],
  controllers: [AuthController, MeController],
  providers: [
    AuthService,
    PasswordService,
    TokenService,
    MeService,
    IdentityBootstrapService,
    PrincipalResolverService,
    { provide: PRINCIPAL_RESOLVER, useExisting: PrincipalResolverService },
  ],
  exports: [PRINCIPAL_RESOLVER, PasswordService, TokenService],
})
export class IdentityModule {}
