import type { Faker } from '@faker-js/faker';
import type { SlaTargetDto } from '@kehu/contracts';
import { addTargetMinutes, type BusinessCalendar } from '@kehu/server-service';
import type { EntityManager } from 'typeorm';

export interface ServiceDataSummary {
  cases: number;
}

const subjects: [string, string][] = [
  ['打印机卡纸，无法打印', 'request'],
  ['系统无法登录，提示密码错误', 'request'],
  ['发票抬头开错，需要重开', 'dispute'],
  ['收到的货物破损，申请退货', 'return'],
  ['新设备需要上门安装调试', 'field_job'],
  ['对上月账单金额有疑问', 'dispute'],
  ['客服电话长时间无人接听', 'complaint'],
  ['软件升级后报表无法导出', 'request'],
];
const priorities = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'];
const channels = ['phone', 'phone', 'email', 'web', 'wechat', 'portal'];
const MINUTE = 60_000;
const statusCycle = ['new', 'open', 'open', 'pending', 'resolved', 'resolved', 'closed', 'closed'];

/**
 * Cases for the service department's people, raised over the last 30 days against the demo
 * customers and worked to different points (new, open, pending, resolved and rated, closed),
 * with SLA due times from the seeded policy, so the queue and the figures have something to show.
 */
export async function seedDemoServiceData(m: EntityManager, agents: { id: string; departmentId: string }[], perAgent: number, f: Faker): Promise<ServiceDataSummary> {
  const [policy]: { calendar: BusinessCalendar; targets: SlaTargetDto[] }[] = await m.query(`SELECT calendar, targets FROM sla_policies WHERE id = 1`);
  const customers: { id: string }[] = await m.query(`SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY name, id LIMIT 200`);
  if (!policy || !customers.length) return { cases: 0 };
  const now = Date.now();
  let n = 0;
  for (const agent of agents) {
    for (let i = 0; i < perAgent; i++) {
      const [subject, type] = f.helpers.arrayElement(subjects);
      const priority = f.helpers.arrayElement(priorities);
      const target = policy.targets.find((t) => t.priority === priority)!;
      // A fixed mix over the queue: new (last 90 min), open and pending (last 3 days), resolved and closed (older).
      const status = statusCycle[i % statusCycle.length];
      const ageMinutes = status === 'new' ? f.number.int({ min: 5, max: 90 }) : ['open', 'pending'].includes(status) ? f.number.int({ min: 120, max: 3 * 24 * 60 }) : f.number.int({ min: 4 * 24 * 60, max: 30 * 24 * 60 });
      const created = new Date(now - ageMinutes * MINUTE);
      const due = (minutes: number | null) => (minutes ? addTargetMinutes(policy.calendar, created, minutes, target.businessHours) : null);
      const responseDue = due(target.firstResponseMinutes);
      const resolutionDue = due(target.resolutionMinutes);
      const responded = status === 'new' ? null : new Date(created.getTime() + f.number.int({ min: 5, max: 300 }) * MINUTE);
      const resolved = status === 'resolved' || status === 'closed' ? new Date(created.getTime() + f.number.int({ min: 60, max: 3 * 24 * 60 }) * MINUTE) : null;
      const late = (at: Date | null, by: Date | null) => (at && by && at > by ? at : null);
      const number = `CS-${created.toISOString().slice(0, 10).replace(/-/g, '')}-${String(await nextNumber(m)).padStart(5, '0')}`;
      const [{ id }] = await m.query(
        `INSERT INTO service_cases (number, subject, description, type, priority, status, channel, customer_id, owner_id, department_id, sla_business_hours,
                                    response_due_at, first_responded_at, response_breached_at, resolution_due_at, resolved_at, resolution_breached_at,
                                    paused_at, resolution_note, reply_count, reopen_count, closed_at, satisfaction, satisfaction_at, created_at, updated_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $25, $9) RETURNING id`,
        [
          number, subject, f.lorem.sentence(), type, priority, status, f.helpers.arrayElement(channels), f.helpers.arrayElement(customers).id, agent.id, agent.departmentId, target.businessHours,
          responseDue, responded, late(responded, responseDue), status === 'pending' ? null : resolutionDue, resolved, late(resolved, resolutionDue),
          status === 'pending' ? new Date(now - 3600_000) : null, resolved ? '已远程协助客户解决' : null, responded ? f.number.int({ min: 1, max: 3 }) : 0, 0,
          status === 'closed' ? new Date(resolved!.getTime() + 86_400_000) : null, resolved && f.datatype.boolean() ? f.number.int({ min: 3, max: 5 }) : null, resolved, created,
        ],
      );
      await m.query(`INSERT INTO case_events (case_id, kind, actor_id, created_at) VALUES ($1, 'created', $2, $3)`, [id, agent.id, created]);
      if (responded) await m.query(`INSERT INTO case_events (case_id, kind, body, actor_id, created_at) VALUES ($1, 'reply', $2, $3, $4)`, [id, '您好，我们已收到您的问题，正在处理。', agent.id, responded]);
      if (resolved) await m.query(`INSERT INTO case_events (case_id, kind, body, actor_id, created_at) VALUES ($1, 'resolved', $2, $3, $4)`, [id, '已远程协助客户解决', agent.id, resolved]);
      n++;
    }
  }
  return { cases: n };
}

async function nextNumber(m: EntityManager): Promise<number> {
  const [{ n }] = await m.query(`SELECT nextval('service_case_number_seq')::int AS n`);
  return n;
}
