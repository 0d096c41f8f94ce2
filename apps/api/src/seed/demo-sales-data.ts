import type { Faker } from '@faker-js/faker';
import { companyKey, normalizePhone } from '@kehu/server-customers';
import type { EntityManager } from 'typeorm';

export interface DemoRep {
  id: string;
  departmentId: string;
  faker: Faker;
}

export interface SalesDataSummary {
  customers: number;
  contacts: number;
  activities: number;
  opportunities: number;
}

const industries = ['制造业', '软件和信息技术', '批发零售', '金融', '医疗健康', '教育', '物流', '建筑'];
const sources = ['referral', 'web_form', 'exhibition', 'cold_call', 'partner', 'campaign'];
const stages = ['prospect', 'prospect', 'customer', 'customer', 'key_account'];
const subjects = ['电话沟通需求', '上门拜访', '发送报价单', '产品演示', '合同条款沟通', '回访满意度'];
const types = ['call', 'visit', 'email', 'meeting', 'note'];
const channelOf: Record<string, string> = { call: 'phone', visit: 'visit', email: 'email', meeting: 'visit', note: 'other' };

/**
 * Customers with contacts, follow-ups and deals for each rep, so every screen has
 * something to show. Deterministic for the faker seed; values go through the same
 * normalisation as the API (company key, E.164 phones).
 */
export async function seedDemoSalesData(m: EntityManager, reps: DemoRep[], perRep: number): Promise<SalesDataSummary> {
  const summary: SalesDataSummary = { customers: 0, contacts: 0, activities: 0, opportunities: 0 };
  const [pipeline] = await m.query(`SELECT id FROM pipelines WHERE is_default`);
  const pipelineStages: { id: string; kind: string; position: number }[] = pipeline
    ? await m.query(`SELECT id, kind, position FROM pipeline_stages WHERE pipeline_id = $1 AND deleted_at IS NULL ORDER BY position`, [pipeline.id])
    : [];
  const now = Date.now();
  for (const rep of reps) {
    const f = rep.faker;
    for (let i = 0; i < perRep; i++) {
      const name = f.company.name();
      const createdAt = new Date(now - f.number.int({ min: 5, max: 400 }) * 86_400_000);
      const phone = normalizePhone(`1${f.helpers.arrayElement(['38', '39', '58', '86'])}${f.string.numeric(8)}`, 'CN') ?? null;
      const [customer] = await m.query(
        `INSERT INTO customers (name, name_key, industry, province, city, phone, source, lifecycle_stage, grade, tags, owner_id, department_id, created_by, created_at, completeness)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $11, $13, 75) RETURNING id`,
        [name, companyKey(name), f.helpers.arrayElement(industries), f.location.state(), f.location.city(), phone, f.helpers.arrayElement(sources), f.helpers.arrayElement(stages),
          f.helpers.arrayElement(['A', 'B', 'B', 'C', 'C', 'D']), f.helpers.arrayElements(['重点', 'VIP', '展会', '老客户', '渠道'], { min: 0, max: 2 }), rep.id, rep.departmentId, createdAt],
      );
      summary.customers++;
      const contactIds: string[] = [];
      for (let c = 0; c < f.number.int({ min: 1, max: 2 }); c++) {
        const [contact] = await m.query(
          `INSERT INTO contacts (customer_id, name, title, phones, emails, is_primary, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [customer.id, f.person.fullName(), f.helpers.arrayElement(['采购经理', '总经理', 'IT 主管', '财务总监', '行政主管']), [normalizePhone(`13${f.string.numeric(9)}`, 'CN')].filter(Boolean), [f.internet.email().toLowerCase()], c === 0, rep.id],
        );
        contactIds.push(contact.id);
        summary.contacts++;
      }
      let lastFollowUp: Date | null = null;
      for (let a = 0; a < f.number.int({ min: 0, max: 4 }); a++) {
        const type = f.helpers.arrayElement(types);
        const occurredAt = new Date(Math.min(now - 3_600_000, createdAt.getTime() + f.number.int({ min: 1, max: 300 }) * 86_400_000));
        await m.query(
          `INSERT INTO activities (customer_id, contact_id, type, channel, subject, body, occurred_at, owner_id, department_id, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8)`,
          [customer.id, f.helpers.arrayElement(contactIds), type, channelOf[type], f.helpers.arrayElement(subjects), f.lorem.sentence(), occurredAt, rep.id, rep.departmentId],
        );
        if (!lastFollowUp || occurredAt > lastFollowUp) lastFollowUp = occurredAt;
        summary.activities++;
      }
      if (lastFollowUp) await m.query(`UPDATE customers SET last_follow_up_at = $2 WHERE id = $1`, [customer.id, lastFollowUp]);
      if (pipelineStages.length && f.number.float() < 0.45) {
        const stage = f.helpers.arrayElement(pipelineStages);
        const status = stage.kind;
        const amount = f.number.int({ min: 2, max: 200 }) * 5000;
        const [opp] = await m.query(
          `INSERT INTO opportunities (customer_id, name, contact_id, pipeline_id, stage_id, status, amount, expected_close_date, owner_id, department_id, created_by, won_at, lost_at, lost_reason)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9, $11, $12, $13) RETURNING id`,
          [customer.id, `${name.slice(0, 12)} · ${f.commerce.productName()}`, contactIds[0], pipeline.id, stage.id, status, amount,
            new Date(now + f.number.int({ min: -30, max: 120 }) * 86_400_000).toISOString().slice(0, 10), rep.id, rep.departmentId,
            status === 'won' ? new Date(now - 86_400_000) : null, status === 'lost' ? new Date(now - 86_400_000) : null, status === 'lost' ? '价格不具竞争力' : null],
        );
        await m.query(`INSERT INTO opportunity_stage_history (customer_id, opportunity_id, stage_id, moved_by) VALUES ($1, $2, $3, $4)`, [customer.id, opp.id, stage.id, rep.id]);
        summary.opportunities++;
      }
    }
  }
  return summary;
}
