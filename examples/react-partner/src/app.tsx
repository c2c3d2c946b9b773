import { useState } from 'react';
import type { NominationFormPrefill } from '@stue/elements';

/** The Stue hub; `VITE_STUE_API=https://stue.example.dk/ vite build` points elsewhere. */
const API = import.meta.env.VITE_STUE_API ?? 'http://127.0.0.1:8787/';

/** Who is signed in to the visit service's own portal: the form fills this in, locked. */
const volunteer: NominationFormPrefill = {
  nominator: {
    role: 'local-expert',
    name: 'Hanne Holm',
    organisation: 'Eksempelby Besøgstjeneste',
    email: 'hanne@example.dk',
  },
};

/**
 * A visit service's volunteer portal (React 19) with the Stue nomination form: properties in,
 * typed events out, and the language switched by the app.
 */
export function App() {
  const [lang, setLang] = useState<'da' | 'en'>('da');
  const [step, setStep] = useState('');
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState('');

  return (
    <main className="portal">
      <header>
        <p>Eksempelby Besøgstjeneste · {volunteer.nominator?.name}</p>
        <button type="button" onClick={() => setLang(lang === 'da' ? 'en' : 'da')}>
          {lang === 'da' ? 'English' : 'Dansk'}
        </button>
      </header>
      <h1>{lang === 'da' ? 'Indstil et par til en koncert' : 'Nominate a pair for a concert'}</h1>
      <p className="portal-status" aria-live="polite">
        {reference
          ? `${lang === 'da' ? 'Sendt' : 'Sent'}: ${reference}`
          : problem
            ? `${lang === 'da' ? 'Ikke sendt' : 'Not sent'} (${problem})`
            : step}
      </p>
      <stue-nomination-form
        partnerKey="pk_demo"
        api={API}
        lang={lang}
        prefill={volunteer}
        lockPrefill
        onstue-nomination-step={(event) => setStep(`${event.index}/${event.total}`)}
        onstue-nomination-success={(event) => {
          setProblem('');
          setReference(event.reference);
        }}
        onstue-nomination-error={(event) => setProblem(event.code)}
      />
    </main>
  );
}
