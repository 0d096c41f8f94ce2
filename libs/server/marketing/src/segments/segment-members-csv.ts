import type { SegmentMemberDto } from '@kehu/contracts';
import type { CsvLanguage } from '@kehu/server-core';

/** One column of the members' CSV (the call list): the member field it shows, its header in both languages. */
export interface MemberCsvColumn {
  field: keyof SegmentMemberDto;
  en: string;
  zh: string;
}

/** The call list's columns, as the segment page's member table shows them. */
export const memberCsvColumns: MemberCsvColumn[] = [
  { field: 'name', en: 'Name', zh: '名称' },
  { field: 'customerName', en: 'Customer', zh: '客户' },
  { field: 'province', en: 'Province', zh: '省份' },
  { field: 'city', en: 'City', zh: '城市' },
  { field: 'grade', en: 'Grade', zh: '客户等级' },
  { field: 'ownerName', en: 'Owner', zh: '负责人' },
  { field: 'email', en: 'E-mail', zh: '邮箱' },
  { field: 'phone', en: 'Phone', zh: '电话' },
  { field: 'rfmSegment', en: 'RFM segment', zh: 'RFM 分群' },
];

export const memberCsvHeader = (lang: CsvLanguage): string[] => memberCsvColumns.map((c) => (lang === 'zh-CN' ? c.zh : c.en));

// Characters a file name may not hold on Windows or macOS; control characters are dropped too.
const UNSAFE = /[\\/:*?"<>|]+/g;
const CONTROL = (c: string) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127;

/**
 * `<segment name>-<YYYY-MM-DD>.csv`, unsafe characters replaced; the ASCII name for clients that
 * cannot read a Chinese one is `segment-<date>.csv`.
 */
export function memberCsvFileNames(segmentName: string, now: Date): { fileName: string; asciiFileName: string } {
  const date = now.toISOString().slice(0, 10);
  const name = [...segmentName].filter((c) => !CONTROL(c)).join('').replace(UNSAFE, '_').trim() || 'segment';
  return { fileName: `${name}-${date}.csv`, asciiFileName: `segment-${date}.csv` };
}
