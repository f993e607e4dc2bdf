import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../shared/errors/app-error';
import type { XsoarConnection } from '../../shared/xsoar/xsoar-connection';
import { api } from '../ipc/api-client';

/** The saved XSOAR connections, reloadable after a change. */
export function useXsoarConnections() {
  const [connections, setConnections] = useState<readonly XsoarConnection[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const apply = useCallback((r: Awaited<ReturnType<typeof api.xsoar.listConnections>>) => {
    if (r.ok) {
      setConnections(r.value.connections);
      setError(null);
    } else {
      setError(r.error);
    }
  }, []);
  const reload = useCallback(() => api.xsoar.listConnections({}).then(apply), [apply]);
  useEffect(() => {
    let live = true;
    void api.xsoar.listConnections({}).then((r) => {
      if (live) apply(r);
    });
    return () => {
      live = false;
    };
  }, [apply]);
  return { connections, error, reload };
}
