import type { Profile } from '../../shared/domain/profile';
import { useXsoarConnections } from './use-xsoar-connections';
import { XsoarConnectionsPanel } from './xsoar-connections-panel';

/** The "Cortex XSOAR" screen: saved connections, and Pull (an instance's settings into a profile). */
export function XsoarScreen({ onOpen }: { readonly onOpen: (profile: Profile) => void }) {
  const { connections, error, reload } = useXsoarConnections();
  return (
    <div className="xsoar-screen" data-screen="xsoar">
      <h2>Cortex XSOAR connections</h2>
      <p className="hint">Saved API connections for “Send to XSOAR”. To repair, re-verify or rotate an existing instance, list its server’s instances and import one’s settings into a profile.</p>
      {error !== null && <div className="op-error" role="alert">{error.message}</div>}
      {connections !== null && <XsoarConnectionsPanel connections={connections} onChanged={() => void reload()} onPulled={onOpen} />}
    </div>
  );
}
