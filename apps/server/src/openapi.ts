/**
 * The OpenAPI 3.1 document, generated from the routes' zod schemas (never written by hand), at
 * GET /openapi.json, and the interactive docs (swagger-ui, served from the package's own assets)
 * at GET /docs. Registered before the routes, so that it sees every one of them.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { registerComponents } from './schemas/responses.js';
import type { App } from './types.js';

export const API_VERSION = '1.0.0';

export function registerOpenApi(app: App): void {
  registerComponents();
  app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'micropurse API',
        version: API_VERSION,
        description:
          'Will my things fit in this micro-bag? Exact 3D packing (a verdict with the layout as proof), the catalog of micro-bags, and what fits in each. ' +
          'Lengths in millimetres. Errors are RFC 9457 problems (application/problem+json) naming the failing field.',
      },
      tags: [
        { name: 'fit', description: 'Will it fit, what to leave, how to split' },
        { name: 'design', description: 'Interiors for a kit' },
        { name: 'catalog', description: 'Bags, items, feeds' },
        { name: 'style', description: 'Which bags go with an outfit' },
        { name: 'trends', description: 'The trickle-down from luxury to fast fashion, over dated listings' },
        { name: 'health', description: 'Probes' },
      ],
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'a key from `micropurse keys create --name NAME`' } } },
    },
    transform: createJsonSchemaTransform({}),
    transformObject: createJsonSchemaTransformObject({}),
  });
  app.register(swaggerUi, { routePrefix: '/docs' });
  app.register(async (scope: App) => {
    scope.get('/openapi.json', { schema: { hide: true } }, async () => scope.swagger());
  });
}
