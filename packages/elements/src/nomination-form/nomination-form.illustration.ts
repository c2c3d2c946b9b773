import { html } from 'lit';

/**
 * A calm picture of a concert visit: a smiling musician with a guitar plays for two people in
 * armchairs, with coffee on the table. People imagine a band with speakers when they hear
 * "concert"; the picture shows how small and quiet the visit is. Drawn inline (no request, no
 * image to allow in a Content-Security-Policy), in fixed colours that need no theme.
 */
export const illustration = (label: string) =>
  html`<svg
    class="illustration"
    part="illustration"
    viewBox="0 0 320 150"
    role="img"
    aria-label=${label}
  >
    <rect width="320" height="150" rx="12" fill="#f4efe6" />
    <path d="M0 124h320v14a12 12 0 0 1-12 12H12A12 12 0 0 1 0 138z" fill="#e3d7c3" />
    <rect
      x="128"
      y="18"
      width="64"
      height="46"
      rx="3"
      fill="#dce9ef"
      stroke="#c4b193"
      stroke-width="4"
    />
    <path d="M160 20v42M130 41h60" stroke="#c4b193" stroke-width="3" />
    <path d="M42 102v24m30-24v24" stroke="#8a6a4a" stroke-width="4" />
    <rect x="38" y="96" width="38" height="7" rx="3" fill="#8a6a4a" />
    <path d="M42 99c0-20 5-34 15-34s15 14 15 34z" fill="#1c5a48" />
    <circle cx="57" cy="50" r="11" fill="#e0b08a" />
    <path d="M52 53q5 4 10 0" stroke="#7a4a2a" stroke-width="1.6" fill="none" />
    <path d="M47 45q10-12 21 0q-10-6-21 0" fill="#4a3222" />
    <path d="M80 80l28-20" stroke="#6b3e12" stroke-width="4" stroke-linecap="round" />
    <circle cx="66" cy="90" r="11" fill="#b8692a" />
    <circle cx="76" cy="82" r="8" fill="#b8692a" />
    <circle cx="71" cy="86" r="3" fill="#5a3510" />
    <path d="M110 44V30l10-3v14" stroke="#1c5a48" stroke-width="2" fill="none" />
    <circle cx="107" cy="44" r="3.5" fill="#1c5a48" />
    <circle cx="117" cy="41" r="3.5" fill="#1c5a48" />
    <path d="M151 104h40M156 104v21m30-21v21" stroke="#8a6a4a" stroke-width="4" />
    <rect x="159" y="94" width="9" height="9" rx="2" fill="#ffffff" stroke="#8a6a4a" />
    <rect x="174" y="94" width="9" height="9" rx="2" fill="#ffffff" stroke="#8a6a4a" />
    <rect x="203" y="66" width="44" height="58" rx="12" fill="#7c8fa6" />
    <rect x="258" y="66" width="44" height="58" rx="12" fill="#7c8fa6" />
    <circle cx="225" cy="62" r="10" fill="#e0b08a" />
    <circle cx="280" cy="62" r="10" fill="#c99673" />
    <path d="M215 60q10-16 20 0q-10-6-20 0" fill="#d9d9d9" />
    <path d="M270 58q10-12 20 0q-10-5-20 0" fill="#3b2a1e" />
    <rect x="213" y="74" width="24" height="30" rx="10" fill="#c9735f" />
    <rect x="268" y="74" width="24" height="30" rx="10" fill="#a7b86b" />
    <rect x="198" y="98" width="54" height="15" rx="7" fill="#62758d" />
    <rect x="253" y="98" width="54" height="15" rx="7" fill="#62758d" />
  </svg>`;
