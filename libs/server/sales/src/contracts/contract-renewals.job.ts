import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AppModuleName, DataScope, SalesContractLimits, SalesContractStatus, type JobRunResultDto } from '@kehu/contracts';
import { AuditService, Clock, JobsService, NotificationsService, TransactionService, type Principal } from '@kehu/server-core';
import { User } from '@kehu/server-identity';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OpportunitiesService } from '../opportunities/opportunities.service';
import { addDays, businessDay } from './business-day';
import { SalesContract } from './sales-contract.entity';

export const CONTRACT_RENEWALS_JOB = 'sales.contracts.renewals';

/** The contract owner as the creator of their renewal opportunity (the job has no caller). */
function ownerPrincipal(user: User): Principal {
  return {
    kind: 'user',
    userId: user.id,
    actorId: user.id,
    roles: [],
    permissions: { 'sales.customer.read': DataScope.ALL },
    departmentId: user.departmentId,
    departmentSubtreeIds: [],
    teamMemberIds: [user.id],
    modules: Object.values(AppModuleName),
  };
}

/**
 * Daily: moves approved contracts to active on their start date and to expired after
 * their end date (two set-based UPDATEs), then opens one renewal opportunity (续约商机)
 * for each running contract ending within {@link SalesContractLimits.renewalLeadDays} days.
 * Once per contract: each is claimed with FOR UPDATE SKIP LOCKED and re-checked for
 * `renewal_opportunity_id IS NULL`, so reruns and parallel instances create no duplicates.
 */
@Injectable()
export class ContractRenewalsJob implements OnModuleInit {
  private readonly logger = new Logger(ContractRenewalsJob.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    private readonly opportunities: OpportunitiesService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(CONTRACT_RENEWALS_JOB, async () => void (await this.run()), { cron: '30 1 * * *' });
  }

  /** `affected`: renewal opportunities created. */
  async run(leadDays: number = SalesContractLimits.renewalLeadDays): Promise<JobRunResultDto> {
    const today = businessDay(this.clock);
    await this.ds.query(
      `UPDATE sales_contracts SET status = 'active', version = version + 1, updated_at = now()
        WHERE status = 'approved' AND start_date <= $1::date AND end_date >= $1::date AND deleted_at IS NULL`,
      [today],
    );
    await this.ds.query(
      `UPDATE sales_contracts SET status = 'expired', version = version + 1, updated_at = now()
        WHERE status IN ('approved', 'active') AND end_date < $1::date AND deleted_at IS NULL`,
      [today],
    );
    const due: { id: string }[] = await this.ds.query(
      `SELECT id FROM sales_contracts
        WHERE renewal_opportunity_id IS NULL AND deleted_at IS NULL AND status IN ('approved', 'active')
          AND end_date >= $1::date AND end_date <= $2::date
        ORDER BY end_date, id`,
      [today, addDays(today, leadDays)],
    );
    let created = 0;
    for (const { id } of due) {
      try {
        if (await this.renew(id)) created++;
      } catch (err) {
        // One contract's problem (owner disabled, customer deleted) must not stop the others.
        this.logger.warn({ err, contractId: id }, 'renewal opportunity not created');
      }
    }
    return { affected: created, today };
  }

  private renew(contractId: string): Promise<boolean> {
    return this.tx.run(async (m) => {
      const c = await m
        .getRepository(SalesContract)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('c.id = :contractId AND c.renewal_opportunity_id IS NULL AND c.deleted_at IS NULL', { contractId })
        .andWhere('c.status IN (:...running)', { running: [SalesContractStatus.APPROVED, SalesContractStatus.ACTIVE] })
        .getOne();
      if (!c) return false;
      const owner = await m.findOne(User, { where: { id: c.ownerId, active: true } });
      if (!owner) return false;
      const opp = await this.opportunities.createInTransaction(m, ownerPrincipal(owner), { customerId: c.customerId, name: `续约 Renewal: ${c.title}`.slice(0, 200), amount: c.amount });
      await m.query(`UPDATE sales_contracts SET renewal_opportunity_id = $2, version = version + 1, updated_at = now() WHERE id = $1`, [c.id, opp.id]);
      await this.audit.record(m, { action: 'renewal_opportunity', entityType: 'sales_contract', entityId: c.id, changes: { renewalOpportunityId: { before: null, after: opp.id } } });
      await this.notifications.notify(m, [
        {
          userId: c.ownerId,
          kind: 'sales_contract.renewal',
          title: `合同即将到期 Contract ending: ${c.number}`.slice(0, 200),
          body: `${c.title} — ${c.endDate}`,
          link: `/sales/opportunities/${opp.id}`,
          entityType: 'sales_contract',
          entityId: c.id,
          dedupeKey: `contract-renewal:${c.id}`,
        },
      ]);
      return true;
    });
  }
}
