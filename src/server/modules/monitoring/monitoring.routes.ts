import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context.ts';

export const monitoringRoutes = (_ctx: AppContext): FastifyPluginAsync => async () => {};
export const publicIndexRoutes = (_ctx: AppContext): FastifyPluginAsync => async () => {};
