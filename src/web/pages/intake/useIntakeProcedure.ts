/** The procedures the agency publishes (for the picker) and the chosen procedure's record. */
import { useEffect, useState } from 'react';
import { api, type ProcedureDetail, type PublicationItem } from '../../api.ts';

export function useIntakeProcedure(agencyId: string | null, procedureCode: string | null, onError: (e: unknown) => void) {
  const [pubs, setPubs] = useState<PublicationItem[]>([]);
  const [procedure, setProcedure] = useState<ProcedureDetail | null>(null);

  // Publications of the agency.
  useEffect(() => {
    if (!agencyId) {
      setPubs([]);
      return;
    }
    let alive = true;
    api
      .publications(agencyId)
      .then((p) => alive && setPubs(p.filter((x) => x.publication.active)))
      .catch((e: unknown) => alive && onError(e));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [agencyId]);

  // The chosen procedure's record.
  useEffect(() => {
    if (!procedureCode) {
      setProcedure(null);
      return;
    }
    let alive = true;
    api
      .procedure(procedureCode)
      .then((p) => alive && setProcedure(p))
      .catch((e: unknown) => alive && onError(e));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [procedureCode]);

  return { pubs, procedure };
}
