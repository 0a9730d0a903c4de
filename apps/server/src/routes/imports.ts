/**
 * POST /v1/imports: a feed upload into the catalog, answered like `micropurse import FILE --json`.
 * The body is the feed itself, in any media type (the format is read from the content, as the
 * CLI does); it needs an API key, checked before the body is read. One transaction per import.
 */
import { IsoDateSchema } from '@micropurse/core';
import { importFeed } from '@micropurse/store';
import { z } from 'zod';
import { requireApiKey } from '../auth.js';
import { HttpProblem, problemResponses } from '../problems.js';
import { ImportReportSchema } from '../schemas/responses.js';
import type { App, RouteDeps } from '../types.js';

const ImportQuerySchema = z.strictObject({
  source: z.string().min(1).max(200).optional().describe('where the feed came from, recorded with its listings (default "api:<key name>")'),
  seen: IsoDateSchema.optional().describe('when the feed was observed, yyyy-mm-dd (default today, UTC)'),
});

const FeedBodySchema = z.custom<Buffer>((v) => Buffer.isBuffer(v), { error: 'must be the feed itself' }).meta({
  type: 'string',
  format: 'binary',
  description: "the project's CSV, a Google Merchant feed (TSV or RSS 2.0 XML), or schema.org Product JSON-LD; the format is read from the content",
});

/** The media types the documentation lists; any is read, since the format comes from the content. */
const FEED_MEDIA_TYPES = ['text/csv', 'text/tab-separated-values', 'application/xml', 'application/rss+xml', 'application/ld+json', 'application/json', 'application/octet-stream'];

export function importsRoute(app: App, { store, config }: RouteDeps): void {
  // A scope of its own: here every media type is read as raw bytes, with the upload's size limit.
  app.register(async (scope: App) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: config.importLimitBytes }, (_request, body, done) => done(null, body));
    scope.post(
      '/v1/imports',
      {
        bodyLimit: config.importLimitBytes,
        onRequest: requireApiKey(store),
        config: { rateLimit: false },
        schema: {
          tags: ['catalog'],
          summary: 'Import a feed (API key)',
          description: 'Every good row is stored or updated in one transaction; every rejected row is reported with its line, field and reason. A re-import of the same feed reports every row unchanged.',
          security: [{ apiKey: [] }],
          consumes: FEED_MEDIA_TYPES,
          querystring: ImportQuerySchema,
          body: FeedBodySchema,
          response: { 200: ImportReportSchema, ...problemResponses(400, 401, 413, 422) },
        },
      },
      async (request) => {
        const source = request.query.source ?? `api:${request.apiKey?.name ?? 'upload'}`;
        const seen = request.query.seen ?? new Date().toISOString().slice(0, 10);
        const result = await importFeed(store, new Uint8Array(request.body), { source, seen, maxBytes: config.importLimitBytes });
        if (!result.ok) throw new HttpProblem(422, 'feed-refused', 'Feed refused', result.reason, { field: 'body' });
        const { rows: _rows, ...report } = result.report;
        request.log.info({ key: request.apiKey?.id, format: report.format, accepted: report.accepted, updated: report.updated, rejected: report.rejected }, 'feed imported');
        return { ...report, rejects_file: null };
      },
    );
  });
}
