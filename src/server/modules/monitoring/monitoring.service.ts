import type { AppContext } from '../../platform/context.ts';

export class MonitoringService {
  constructor(private readonly ctx: AppContext) {}
}
