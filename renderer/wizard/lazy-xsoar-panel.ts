import { lazy } from 'react';

/**
 * The Send-to-XSOAR panel, loaded on demand.
 *
 * It appears only on Review, Export and after a captured code, so it stays out of the JavaScript
 * needed before the first step is interactive.
 */
export const SendToXsoarPanel = lazy(() => import('../xsoar/send-to-xsoar-panel').then((m) => ({ default: m.SendToXsoarPanel })));
