import { lazy, Suspense, useRef, useState } from 'react';
import type { Profile } from '../shared/domain/profile';
import { Wizard } from './wizard/wizard';
import { useFocusRescue } from './use-focus-rescue';
import { api } from './ipc/api-client';
import { ExpiryBanner } from './profiles/expiry-banner';
import { UnfinishedRotationsBanner } from './profiles/unfinished-rotations-banner';

// The profiles screen loads on first use: it is not needed for the first step.
const ProfilesScreen = lazy(() => import('./profiles/profiles-screen').then((m) => ({ default: m.ProfilesScreen })));
// So does the XSOAR connections screen.
const XsoarScreen = lazy(() => import('./xsoar/xsoar-screen').then((m) => ({ default: m.XsoarScreen })));

/** Which screen is shown; each wizard opening gets its own key so its state starts fresh. */
type View = { readonly kind: 'wizard'; readonly profile: Profile | null; readonly key: number } | { readonly kind: 'profiles' } | { readonly kind: 'xsoar' };

/** The application shell: header with navigation, then the wizard or the profiles screen. */
export function App() {
  const [view, setView] = useState<View>({ kind: 'wizard', profile: null, key: 0 });
  const [opened, setOpened] = useState(0);
  useFocusRescue();
  const [headerSlot, setHeaderSlot] = useState<HTMLElement | null>(null);
  // Set by the open wizard: saves what is pending, so leaving never drops what was typed.
  const leaveGuardRef = useRef<(() => Promise<void>) | null>(null);
  const leaveThen = async (go: () => void): Promise<void> => {
    await leaveGuardRef.current?.();
    go();
  };
  const openWizard = (profile: Profile | null) => {
    setOpened((n) => n + 1);
    setView({ kind: 'wizard', profile, key: opened + 1 });
  };
  // The list may be older than the profile: a check or a code that finished meanwhile was recorded in it.
  const openProfile = async (profile: Profile): Promise<void> => {
    const fresh = await api.profiles.get({ id: profile.id });
    openWizard(fresh.ok ? fresh.value : profile);
  };
  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>Graph Mail Auth Assistant</h1>
          <p className="subtitle">Microsoft Graph Mail Single User · Cortex XSOAR instance settings</p>
        </div>
        <div className="header-save-slot" ref={setHeaderSlot} />
        <nav className="app-nav" aria-label="Screens">
          <button type="button" name="nav-wizard" aria-current={view.kind === 'wizard' ? 'page' : undefined} onClick={() => void leaveThen(() => openWizard(null))}>
            New configuration
          </button>
          <button
            type="button"
            name="nav-profiles"
            aria-current={view.kind === 'profiles' ? 'page' : undefined}
            onClick={() => void leaveThen(() => setView({ kind: 'profiles' }))}
          >
            Profiles
          </button>
          <button type="button" name="nav-xsoar" aria-current={view.kind === 'xsoar' ? 'page' : undefined} onClick={() => void leaveThen(() => setView({ kind: 'xsoar' }))}>
            XSOAR
          </button>
        </nav>
      </header>
      <main className="app-main">
        <UnfinishedRotationsBanner />
        <ExpiryBanner onShowProfiles={() => void leaveThen(() => setView({ kind: 'profiles' }))} />
        {view.kind === 'wizard' ? (
          <Wizard key={view.key} profile={view.profile} headerSlot={headerSlot} leaveGuardRef={leaveGuardRef} />
        ) : (
          <Suspense fallback={<p className="loading">Loading…</p>}>
            {view.kind === 'xsoar' ? <XsoarScreen onOpen={(p) => void openProfile(p)} /> : <ProfilesScreen onOpen={(p) => void openProfile(p)} />}
          </Suspense>
        )}
      </main>
    </div>
  );
}
