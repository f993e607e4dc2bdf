import { Wizard } from './wizard/wizard';

/** The application shell: header and the wizard. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Graph Mail Auth Assistant</h1>
        <p className="subtitle">Microsoft Graph Mail Single User · Cortex XSOAR instance settings</p>
      </header>
      <main className="app-main">
        <Wizard />
      </main>
    </div>
  );
}
