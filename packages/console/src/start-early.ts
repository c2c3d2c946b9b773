// Imported first by the entry (`main.ts`): starts the console's first requests before the rest of
// the entry is evaluated (see `early.ts`).
import { startEarly } from './early.js';

startEarly();
