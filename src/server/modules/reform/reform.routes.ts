import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context.ts';

/** Periodic reform reports: /api/reform/… */
export const reformRoutes = (_ctx: AppContext): FastifyPluginAsync => async () => {};
