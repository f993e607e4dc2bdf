import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
// oxlint-disable-next-line import/no-unassigned-import -- the stylesheet is bundled for its side effect
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
