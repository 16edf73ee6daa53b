import type { AppContext } from '../../platform/context.ts';

/** Periodic reform reports (issue 5). */
export class ReformService {
  constructor(private readonly ctx: AppContext) {}
}
