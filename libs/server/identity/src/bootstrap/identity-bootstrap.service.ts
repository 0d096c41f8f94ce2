import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, AuditService, type AppConfig } from '@kehu/server-core';
import { DataSource } from 'typeorm';
import { PasswordService } from '../auth/password.service';
import { Role } from '../roles/role.entity';
import { syncBuiltInRoles } from '../roles/sync-built-in-roles';
import { UserRole } from '../roles/user-role.entity';
import { User } from '../users/user.entity';

const BOOTSTRAP_LOCK = 727_002;

/**
 * On start: keep built-in roles in sync with the code, and on an empty database create
 * the first admin. Serialised with an advisory lock so replicas starting together agree.
 */
@Injectable()
export class IdentityBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Identity');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const generated = this.config.adminPassword ? undefined : randomBytes(12).toString('base64url') + '7';
    const created = await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
      await syncBuiltInRoles(m);
      if (await m.getRepository(User).exists({ withDeleted: true })) return false;
      // Hashed only on the first start: argon2 is deliberately slow.
      const passwordHash = await this.passwords.hash(this.config.adminPassword ?? generated!);
      const { identifiers } = await m.insert(User, { email: this.config.adminEmail, name: 'Administrator', passwordHash, locale: 'zh-CN' });
      const userId = identifiers[0].id as string;
      const admin = await m.findOneByOrFail(Role, { key: 'admin' });
      await m.insert(UserRole, { userId, roleId: admin.id });
      await this.audit.record(m, { action: 'create', entityType: 'user', entityId: userId, actorId: null, changes: { email: { before: null, after: this.config.adminEmail } } });
      return true;
    });
    if (created && generated) {
      // Printed once, on the first start only.
      this.logger.warn(`Created admin ${this.config.adminEmail} with password: ${generated}  (change it after logging in)`);
    } else if (created) {
      this.logger.log(`Created admin ${this.config.adminEmail}`);
    }
  }
}
