import { useState } from 'react';
import type { Profile } from '../../shared/domain/profile';
import { XSOAR_PRODUCT_LABELS } from '../../shared/xsoar/xsoar-product';
import type { XsoarConnection } from '../../shared/xsoar/xsoar-connection';
import type { InstanceSummary } from '../../shared/xsoar/xsoar-results';
import { api } from '../ipc/api-client';
import { XsoarOperationView } from './xsoar-operation-view';
import { useXsoarOperation } from './use-xsoar-operation';

/** Props of {@link XsoarConnectionsPanel}. */
export interface XsoarConnectionsPanelProps {
  readonly connections: readonly XsoarConnection[];
  readonly onChanged: () => void;
  /** Called after Pull made a profile. */
  readonly onPulled?: (profile: Profile) => void;
}

function productLabel(c: XsoarConnection): string {
  return c.product === null ? 'not probed' : `${XSOAR_PRODUCT_LABELS[c.product]} ${c.serverVersion}`;
}

/**
 * XSOAR connections: add (probed before it is saved; the API key goes to the keychain), remove, and list a
 * connection's instances to pull one's non-secret settings into a profile.
 */
export function XsoarConnectionsPanel({ connections, onChanged, onPulled }: XsoarConnectionsPanelProps) {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [keyId, setKeyId] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [advancedKey, setAdvancedKey] = useState(false);
  const [ca, setCa] = useState<{ readonly pem: string; readonly fileName: string }>({ pem: '', fileName: '' });
  const add = useXsoarOperation<XsoarConnection>();
  const browse = useXsoarOperation<readonly InstanceSummary[]>();
  const pull = useXsoarOperation<Profile>();
  const [browsing, setBrowsing] = useState<string | null>(null);

  const submit = async () => {
    const r = await add.start('Checking the connection (GET /about)…', (requestId) =>
      api.xsoar.addConnection({ requestId, name, url, keyId, advancedKey, caPem: ca.pem, caFileName: ca.fileName, apiKey }));
    if (r?.ok) {
      setName('');
      setUrl('');
      setKeyId('');
      setApiKey('');
      setAdvancedKey(false);
      setCa({ pem: '', fileName: '' });
      onChanged();
    }
  };
  const listInstances = async (c: XsoarConnection) => {
    setBrowsing(c.id);
    await browse.start(`Listing instances on ${c.name}…`, async (requestId) => {
      const r = await api.xsoar.listInstances({ requestId, connectionId: c.id });
      return r.ok ? { ok: true, value: r.value.instances } : r;
    });
  };
  const pullOne = async (c: XsoarConnection, instanceName: string) => {
    const r = await pull.start(`Importing “${instanceName}”…`, async (requestId) => {
      const p = await api.xsoar.pull({ requestId, connectionId: c.id, instanceName });
      return p.ok ? { ok: true, value: p.value.profile } : p;
    });
    if (r?.ok) onPulled?.(r.value);
  };

  return (
    <div className="xsoar-connections" data-xsoar-connections>
      {connections.length === 0 ? (
        <p className="hint">No XSOAR connection yet. Add one with the API address and an API key (Settings → Integrations → API Keys in XSOAR 6; Settings → Configurations → API Keys in XSOAR 8 and XSIAM).</p>
      ) : (
        <table className="params xsoar-connection-list">
          <thead>
            <tr><th>Name</th><th>API address</th><th>Server</th><th>Key</th><th /></tr>
          </thead>
          <tbody>
            {connections.map((c) => (
              <tr key={c.id} data-connection={c.name}>
                <td>{c.name}</td>
                <td><code>{c.url}</code>{c.caFileName !== '' && <div className="hint-inline">CA: {c.caFileName}</div>}</td>
                <td data-product={c.product ?? ''}>{productLabel(c)}</td>
                <td>{c.keyId === '' ? 'standard' : `ID ${c.keyId}`}{c.advancedKey ? ', advanced' : ''} · in keychain</td>
                <td>
                  <button type="button" name={`instances-${c.name}`} onClick={() => void listInstances(c)}>Instances</button>{' '}
                  <button type="button" className="link" name={`remove-connection-${c.name}`} onClick={() => void api.xsoar.removeConnection({ connectionId: c.id }).then(onChanged)}>Remove</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {browsing !== null && (
        <XsoarOperationView state={browse.state} onCancel={browse.cancel} name="instances">
          {(instances) => (
            <ul className="xsoar-instances" data-xsoar-instances>
              {instances.length === 0 && <li>No Microsoft Graph Mail Single User instance on this server.</li>}
              {instances.map((i) => (
                <li key={i.id} data-instance={i.name}>
                  {i.name} {i.engine !== '' && <span className="hint-inline">(engine {i.engine})</span>}{' '}
                  <button type="button" name={`pull-${i.name}`} onClick={() => {
                    const c = connections.find((x) => x.id === browsing);
                    if (c) void pullOne(c, i.name);
                  }}>
                    Import settings into a profile
                  </button>
                </li>
              ))}
            </ul>
          )}
        </XsoarOperationView>
      )}
      <XsoarOperationView state={pull.state} onCancel={pull.cancel} name="pull">
        {(profile) => (
          <div className="op-ok" data-pulled={profile.name}>
            Imported into profile “{profile.name}”. XSOAR never returns secrets: enter them again before sending.
          </div>
        )}
      </XsoarOperationView>
      <details className="xsoar-add-connection" open={connections.length === 0}>
        <summary>Add a connection</summary>
        <div className="field">
          <label htmlFor="xsoar-conn-name">Name</label>
          <input id="xsoar-conn-name" name="xsoar-conn-name" value={name} placeholder="prod" onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="xsoar-conn-url">API address</label>
          <input id="xsoar-conn-url" name="xsoar-conn-url" value={url} placeholder="https://xsoar.example.com or https://api-<tenant>.xdr.<region>.paloaltonetworks.com" onChange={(e) => setUrl(e.target.value)} />
          <div className="hint">XSOAR 8 / XSIAM: the URL from Settings → Configurations → API Keys → “Copy URL”, not the browser address.</div>
        </div>
        <div className="field">
          <label htmlFor="xsoar-conn-key-id">API key ID (XSOAR 8 / XSIAM only)</label>
          <input id="xsoar-conn-key-id" name="xsoar-conn-key-id" value={keyId} onChange={(e) => setKeyId(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="xsoar-conn-key">API key</label>
          <input id="xsoar-conn-key" name="xsoar-conn-key" type="password" autoComplete="off" value={apiKey} onChange={(e) => setApiKey(e.target.value)} />
          <div className="hint">Kept only in the OS keychain.</div>
        </div>
        <label className="checkbox">
          <input type="checkbox" name="xsoar-conn-advanced" checked={advancedKey} onChange={(e) => setAdvancedKey(e.target.checked)} /> Advanced key (signed requests)
        </label>
        <div className="field">
          <label htmlFor="xsoar-conn-ca">CA certificate file (PEM, optional, for an internal CA)</label>
          <input id="xsoar-conn-ca" name="xsoar-conn-ca" type="file" accept=".pem,.crt,.cer" onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.text().then((pem) => setCa({ pem, fileName: file.name }));
          }} />
        </div>
        <button type="button" name="add-connection" className="primary" disabled={add.state.kind === 'running'} onClick={() => void submit()}>
          Check and save
        </button>
        <XsoarOperationView state={add.state} onCancel={add.cancel} name="add-connection">
          {(c) => <div className="op-ok" data-connection-added={c.name}>Saved “{c.name}”: {productLabel(c)}.</div>}
        </XsoarOperationView>
      </details>
    </div>
  );
}
