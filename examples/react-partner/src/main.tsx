// Registers <stue-nomination-form> before React renders, so React 19 sees its properties and
// sets `partnerKey`, `prefill`… as properties rather than attributes; also types it in JSX.
import '@stue/elements/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './portal.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
