import { ResponseField } from '../common/fields.decorator';
import { AppModuleName, DataScope } from './access.enum';

export class MeUserDto {
  @ResponseField({ format: 'uuid' })
  id: string;

  @ResponseField()
  name: string;

  @ResponseField({ format: 'email' })
  email: string;

  @ResponseField({ example: 'zh-CN' })
  locale: string;

  @ResponseField({ type: String, format: 'uuid', nullable: true })
  departmentId: string | null;
}

export class MeDto {
  @ResponseField({ type: MeUserDto })
  user: MeUserDto;

  @ResponseField({ type: [String], example: ['admin'] })
  roles: string[];

  /** Permission names the caller holds (`sales.customer.read`, …). */
  @ResponseField({ type: [String] })
  permissions: string[];

  /** Widest data scope per permission module. */
  @ResponseField({ enum: DataScope, enumName: 'DataScope' })
  scope: DataScope;

  /** Modules enabled for the caller's department. */
  @ResponseField({ enum: AppModuleName, enumName: 'AppModuleName', isArray: true })
  modules: AppModuleName[];
}
