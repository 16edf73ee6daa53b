import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { useSession } from '../../context.tsx';

/** Agencies the admin manages: their unit-admin agencies, or every agency in scope for a province admin. */
export function useAdminAgencies(): { id: string; code: string; name: string }[] {
  const session = useSession();
  const own = session.agencies('unit_admin', 'province_admin');
  const [all, setAll] = useState<{ id: string; code: string; name: string }[] | null>(null);
  const province = session.hasRole('province_admin');
  useEffect(() => {
    if (!province) return;
    api
      .agencies()
      .then((list) => setAll(list.filter((a) => a.validTo === null).map((a) => ({ id: a.id, code: a.code, name: a.name }))))
      .catch(() => setAll(null));
  }, [province]);
  return all ?? own;
}
