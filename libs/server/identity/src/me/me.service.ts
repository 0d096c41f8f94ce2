import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataScope, dataScopeRank, type AppModuleName, type MeDto } from '@kehu/contracts';
import { DomainException, type Principal } from '@kehu/server-core';
import { DataSource } from 'typeorm';
import { User } from '../users/user.entity';

@Injectable()
export class MeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async getMe(principal: Principal): Promise<MeDto> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: principal.userId } });
    if (!user) throw DomainException.notFound('User');
    const scopes = Object.values(principal.permissions);
    const widest = scopes.reduce<DataScope>((a, b) => (dataScopeRank[b] > dataScopeRank[a] ? b : a), DataScope.OWN);
    return {
      user: { id: user.id, name: user.name, email: user.email, locale: user.locale, departmentId: user.departmentId },
      roles: principal.roles,
      permissions: Object.keys(principal.permissions).sort(),
      scope: widest,
      modules: principal.modules as AppModuleName[],
    };
  }
}
