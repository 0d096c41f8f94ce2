import type { EntityColumn } from './import-column';

/** The lead CSV: export reads these (alias `t`), import fills CreateLeadDto from them. */
export const leadColumns: EntityColumn[] = [
  { key: 'id', en: 'ID', zh: '编号', sql: 't.id' },
  { key: 'personName', en: 'Name', zh: '姓名', sql: 't.person_name', field: 'personName', required: true },
  { key: 'companyName', en: 'Company', zh: '公司名称', sql: 't.company_name', field: 'companyName' },
  { key: 'title', en: 'Title', zh: '职位', sql: 't.title', field: 'title' },
  { key: 'phone', en: 'Phone', zh: '电话', sql: 't.phone', field: 'phone' },
  { key: 'email', en: 'E-mail', zh: '邮箱', sql: 't.email', field: 'email' },
  { key: 'wechatId', en: 'WeChat', zh: '微信', sql: 't.wechat_id', field: 'wechatId' },
  { key: 'country', en: 'Country', zh: '国家', sql: 't.country', field: 'country' },
  { key: 'province', en: 'Province', zh: '省份', sql: 't.province', field: 'province' },
  { key: 'city', en: 'City', zh: '城市', sql: 't.city', field: 'city' },
  { key: 'industry', en: 'Industry', zh: '行业', sql: 't.industry', field: 'industry' },
  { key: 'source', en: 'Source', zh: '来源', sql: 't.source', field: 'source' },
  { key: 'status', en: 'Status', zh: '状态', sql: 't.status', field: 'status' },
  { key: 'disqualifiedReason', en: 'Disqualified reason', zh: '无效原因', sql: 't.disqualified_reason', field: 'disqualifiedReason' },
  { key: 'notes', en: 'Notes', zh: '备注', sql: 't.notes', field: 'notes' },
  { key: 'externalId', en: 'External ID', zh: '外部编号', sql: 't.external_id', field: 'externalId' },
  { key: 'externalSource', en: 'External source', zh: '外部系统', sql: 't.external_source', field: 'externalSource' },
  { key: 'owner', en: 'Owner', zh: '负责人', sql: '(SELECT u.name FROM users u WHERE u.id = t.owner_id)' },
  { key: 'createdAt', en: 'Created at', zh: '创建时间', sql: `to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')` },
];
