import type { EntityManager } from 'typeorm';

export interface FieldServiceSummary {
  serviceContracts: number;
  workOrders: number;
}

const HOUR = 3_600_000;
const contractTargets = [
  { priority: 'urgent', firstResponseMinutes: 15, resolutionMinutes: 120, businessHours: false },
  { priority: 'high', firstResponseMinutes: 30, resolutionMinutes: 240, businessHours: true },
];

/**
 * Service contracts for the first demo customers (a gold level with faster urgent / high
 * targets and four visits a year) and a technician's work orders for the field-job cases:
 * done for the cases already resolved, booked over the coming days for the open ones (three
 * hours apart, so the technician is never booked twice at once).
 */
export async function seedDemoFieldService(m: EntityManager, technician: { id: string; departmentId: string }, managerId: string): Promise<FieldServiceSummary> {
  const customers: { id: string }[] = await m.query(`SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY name, id LIMIT 6`);
  const year = new Date().getUTCFullYear();
  for (const [i, c] of customers.entries()) {
    const [{ n }] = await m.query(`SELECT nextval('service_contract_number_seq')::int AS n`);
    await m.query(
      `INSERT INTO service_contracts (number, name, customer_id, level, start_date, end_date, sla_targets, visits_included, owner_id, department_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 4, $8, $9, $8)`,
      [`SC-${year}0101-${String(n).padStart(5, '0')}`, `${year} 年度${i % 2 ? '银牌' : '金牌'}维保`, c.id, i % 2 ? '银牌' : '金牌', `${year}-01-01`, `${year}-12-31`, JSON.stringify(i % 2 ? contractTargets.slice(0, 1) : contractTargets), managerId, technician.departmentId],
    );
  }
  const cases: { id: string; customer_id: string; status: string; created_at: Date; resolved_at: Date | null; resolution_note: string | null }[] = await m.query(
    `SELECT id, customer_id, status, created_at, resolved_at, resolution_note FROM service_cases WHERE type = 'field_job' AND deleted_at IS NULL ORDER BY created_at, id`,
  );
  const tomorrow = new Date(Math.ceil(Date.now() / (24 * HOUR)) * 24 * HOUR + HOUR); // 09:00 Shanghai
  let slot = 0;
  for (const c of cases) {
    const done = c.status === 'resolved' || c.status === 'closed';
    const start = done ? new Date(c.resolved_at!.getTime() - 2 * HOUR) : new Date(tomorrow.getTime() + slot++ * 3 * HOUR);
    if (start <= c.created_at) start.setTime(c.created_at.getTime() + HOUR);
    const [{ n }] = await m.query(`SELECT nextval('work_order_number_seq')::int AS n`);
    const [contract] = await m.query(`SELECT id FROM service_contracts WHERE customer_id = $1 LIMIT 1`, [c.customer_id]);
    const [{ id }] = await m.query(
      `INSERT INTO work_orders (number, case_id, customer_id, service_contract_id, technician_id, department_id, address, instructions, scheduled_start, scheduled_end,
                                status, started_at, completed_at, result, signed_by, billable, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, (SELECT address FROM customers WHERE id = $3), '请提前电话联系客户', $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        `WO-${start.toISOString().slice(0, 10).replace(/-/g, '')}-${String(n).padStart(5, '0')}`, c.id, c.customer_id, contract?.id ?? null, technician.id, technician.departmentId,
        start, new Date(start.getTime() + 2 * HOUR), done ? 'completed' : 'scheduled', done ? start : null, done ? new Date(start.getTime() + 90 * 60_000) : null,
        done ? (c.resolution_note ?? '已上门处理') : null, done ? '客户' : null, done ? !contract : null, managerId, c.created_at,
      ],
    );
    await m.query(`INSERT INTO case_events (case_id, kind, data, actor_id, created_at) VALUES ($1, 'work_order', $2, $3, $4)`, [c.id, JSON.stringify({ workOrderId: id, status: done ? 'completed' : 'scheduled' }), managerId, c.created_at]);
  }
  return { serviceContracts: customers.length, workOrders: cases.length };
}
