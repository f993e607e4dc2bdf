import { useState } from 'react';
import type { Profile } from '../shared/domain/profile';
import { Wizard } from './wizard/wizard';
import { ProfilesScreen } from './profiles/profiles-screen';
import { XsoarScreen } from './xsoar/xsoar-screen';

/** Which screen is shown; each wizard opening gets its own key so its state starts fresh. */
type View = { readonly kind: 'wizard'; readonly profile: Profile | null; readonly key: number } | { readonly kind: 'profiles' } | { readonly kind: 'xsoar' };

/** The application shell: header with navigation, then the wizard or the profiles screen. */
export function App() {
  const [view, setView] = useState<View>({ kind: 'wizard', profile: null, key: 0 });
  const [opened, setOpened] = useState(0);
  const openWizard = (profile: Profile | null) => {
    setOpened((n) => n + 1);
    setView({ kind: 'wizard', profile, key: opened + 1 });
  };
  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>Graph Mail Auth Assistant</h1>
          <p className="subtitle">Microsoft Graph Mail Single User · Cortex XSOAR instance settings</p>
        </div>
        <nav className="app-nav" aria-label="Screens">
          <button type="button" name="nav-wizard" aria-current={view.kind === 'wizard' ? 'page' : undefined} onClick={() => openWizard(null)}>
            New configuration
          </button>
          <button type="button" name="nav-profiles" aria-current={view.kind === 'profiles' ? 'page' : undefined} onClick={() => setView({ kind: 'profiles' })}>
            Profiles
          </button>
          <button type="button" name="nav-xsoar" aria-current={view.kind === 'xsoar' ? 'page' : undefined} onClick={() => setView({ kind: 'xsoar' })}>
            XSOAR
          </button>
        </nav>
      </header>
      <main className="app-main">
        {view.kind === 'wizard' ? <Wizard key={view.key} profile={view.profile} /> : view.kind === 'xsoar' ? <XsoarScreen onOpen={openWizard} /> : <ProfilesScreen onOpen={openWizard} />}
      </main>
    </div>
  );
}
