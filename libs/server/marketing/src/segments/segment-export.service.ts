import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, Clock, csvField, KeysetReader, streamCsv, TransactionService, type CsvLanguage, type Principal, type RawHttp } from '@kehu/server-core';
import { DataSource } from 'typeorm';
import { SegmentAudience } from './segment-audience';
import { memberCsvColumns, memberCsvFileNames, memberCsvHeader } from './segment-members-csv';
import { SegmentsService } from './segments.service';

/** Members per keyset round trip (exported for the test that crosses a batch boundary). */
export const MEMBERS_EXPORT_BATCH = 5000;

/**
 * A segment's members as a CSV call list: the members the caller may read and export, read in
 * keyset batches and written with back-pressure (memory stays flat however large the segment),
 * UTF-8 with BOM for Excel, headers in the caller's language. One audit row per export.
 */
@Injectable()
export class SegmentExportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly segments: SegmentsService,
    private readonly audience: SegmentAudience,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async exportMembers(principal: Principal, segmentId: string, lang: CsvLanguage, http: RawHttp): Promise<void> {
    const segment = await this.segments.find(segmentId);
    const fields = memberCsvColumns.map((c) => c.field);
    const { qb, cells, order } = this.audience.membersExport(principal, segment.targetType, segment.rules, fields);
    // One reused array per export, joined once per row: the hot loop makes one new string a row.
    const parts = new Array<string>(cells.length);
    await streamCsv(http, {
      ...memberCsvFileNames(segment.name, this.clock.now()),
      header: memberCsvHeader(lang),
      reader: new KeysetReader(this.ds, qb, cells, MEMBERS_EXPORT_BATCH, order),
      toLine: (row) => {
        for (let i = 0; i < parts.length; i++) parts[i] = csvField(row[i]);
        return parts.join(',');
      },
      // Audited before the download completes, so the row exists once the client has the file.
      beforeEnd: (count) =>
        this.tx.run((m) => this.audit.record(m, { action: 'export', entityType: 'segment', entityId: segment.id, changes: { name: { before: null, after: segment.name }, count: { before: null, after: count } } })),
    });
  }
}
