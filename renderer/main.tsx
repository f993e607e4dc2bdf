import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
// oxlint-disable-next-line import/no-unassigned-import -- the stylesheet is bundled for its side effect
import './styles.css';
// oxlint-disable-next-line import/no-unassigned-import -- theme and small-window rules come after the base styles
import './theme-dark.css';
// oxlint-disable-next-line import/no-unassigned-import -- see above
import './layout-small.css';
// oxlint-disable-next-line import/no-unassigned-import -- see above
import './a11y.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
