/**
 * Catalog facts the procedure-level indicators need (ONLINE_PROVIDED, PAYMENT_PROCEDURES_*, CITIZEN_DATA_CONNECTED_FORMALITY,
 * PUBLIC_CONTENT_FULL), read from a procedure record (core/catalog). Pure.
 */
import type { ProcedureRecord } from '../catalog/types.ts';

/**
 * The mandatory parts of a public procedure record (Decree 63/2010 as amended, art. 8: name, steps, method,
 * components, time limit, subjects, executing agency, result, fees, legal basis). A text-only index entry has
 * them as free text: each part must be non-empty.
 */
export function missingMandatoryParts(r: ProcedureRecord): string[] {
  const missing: string[] = [];
  if (!r.name.trim()) missing.push('name');
  if (r.structured) {
    if (!r.steps.trim()) missing.push('steps');
    if (r.channels.length === 0) missing.push('channels');
    if (r.components.length === 0) missing.push('components');
    if (!r.channels.some((c) => c.limit !== null)) missing.push('time_limit');
    if (r.subjects.length === 0) missing.push('subjects');
    if (r.agencies.executing.length === 0 && r.agencies.competent.length === 0) missing.push('agency');
    if (r.results.length === 0) missing.push('result');
    if (r.legalBasis.length === 0) missing.push('legal_basis');
  } else {
    const x = r.text;
    if (!x) return ['steps', 'channels', 'components', 'result', 'legal_basis'];
    if (!x.steps.trim()) missing.push('steps');
    if (!x.methods.trim()) missing.push('channels');
    if (!x.components.trim()) missing.push('components');
    if (!x.result.trim()) missing.push('result');
    if (!x.legalBasis.trim()) missing.push('legal_basis');
  }
  return missing;
}

export interface ProcedureCatalogFacts {
  onlineLevel: 'none' | 'partial' | 'full';
  feeBearing: boolean;
  citizenSubject: boolean;
  contentFull: boolean;
}

export function catalogFacts(r: ProcedureRecord): ProcedureCatalogFacts {
  return { onlineLevel: r.onlineLevel, feeBearing: r.feeBearing, citizenSubject: r.citizenSubject, contentFull: missingMandatoryParts(r).length === 0 };
}
