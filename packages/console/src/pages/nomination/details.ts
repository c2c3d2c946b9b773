/** What the booking call needs: how to reach the pair, the host and their wishes, eligibility, the checklist. */
import { html, nothing, type TemplateResult } from 'lit';
import type { NominationItem } from '../../api.js';
import {
  eligibilityOf,
  formatPhone,
  languageName,
  listInWords,
  municipalityName,
  outcomeTag,
} from '../../internal/labels.js';
import { formatDate, formatDateTime } from '../../internal/time.js';
import type { StueNominationPage } from '../nomination-page.js';

/** How to reach the visiting friend and the nominator for the booking call. */
export function renderCall(page: StueNominationPage, item: NominationItem): TemplateResult {
  const t = page.t.nomination;
  const n = item.nomination;
  const friend = n.visitingFriend;
  const nominator = n.nominator;
  return html`
    <section class="panel" aria-labelledby="call-heading">
      <h2 id="call-heading">${t.callHeading}</h2>
      <p>${t.callIntro}</p>
      <h3>${t.visitingFriend}</h3>
      <dl class="facts">
        <dt>${t.firstName}</dt>
        <dd>${friend.firstName}</dd>
        <dt>${t.phone}</dt>
        <dd><a class="phone" href="tel:${friend.phone}">${formatPhone(friend.phone)}</a></dd>
      </dl>
      <h3>${t.nominator}</h3>
      <dl class="facts">
        <dt>${t.name}</dt>
        <dd>${nominator.name}</dd>
        <dt>${t.role}</dt>
        <dd>${page.t.roles[nominator.role]}</dd>
        ${
          nominator.organisation
            ? html`<dt>${t.organisation}</dt>
                <dd>${nominator.organisation}</dd>`
            : nothing
        }
        ${
          nominator.phone
            ? html`<dt>${t.phone}</dt>
                <dd><a href="tel:${nominator.phone}">${formatPhone(nominator.phone)}</a></dd>`
            : nothing
        }
        ${
          nominator.email
            ? html`<dt>${t.email}</dt>
                <dd><a href="mailto:${nominator.email}">${nominator.email}</a></dd>`
            : nothing
        }
      </dl>
    </section>
  `;
}

/** The host and their wishes, and the practical matters. */
export function renderHost(page: StueNominationPage, item: NominationItem): TemplateResult {
  const t = page.t.nomination;
  const { lang } = page.context;
  const n = item.nomination;
  const prefs = n.preferences;
  const access = Object.entries(n.access ?? {})
    .filter(([, value]) => value === true)
    .map(([key]) => page.t.access[key as keyof typeof page.t.access]);
  return html`
    <section class="panel" aria-labelledby="host-heading">
      <h2 id="host-heading">${t.host}</h2>
      <dl class="facts">
        <dt>${t.firstName}</dt>
        <dd>${n.host.firstName}</dd>
        <dt>${t.municipality}</dt>
        <dd>${municipalityName(n.host.municipalityCode)}</dd>
        <dt>${t.postcode}</dt>
        <dd>${n.host.postcode ?? page.t.notGiven}</dd>
        <dt>${t.language}</dt>
        <dd>${languageName(n.host.language ?? 'da', lang)}</dd>
      </dl>
      <h3>${t.preferences}</h3>
      <dl class="facts">
        <dt>${t.weekdays}</dt>
        <dd>
          ${
            prefs?.weekdays?.length
              ? listInWords(
                  prefs.weekdays.map((d) => page.t.weekdays[d]),
                  lang,
                )
              : t.anyDay
          }
        </dd>
        <dt>${t.timesOfDay}</dt>
        <dd>
          ${
            prefs?.timesOfDay?.length
              ? listInWords(
                  prefs.timesOfDay.map((d) => page.t.timesOfDay[d]),
                  lang,
                )
              : t.anyTime
          }
        </dd>
        <dt>${t.earliestDate}</dt>
        <dd>${prefs?.earliestDate ? formatDate(prefs.earliestDate, lang) : page.t.notGiven}</dd>
        <dt>${t.genres}</dt>
        <dd>
          ${
            prefs?.genres?.length
              ? listInWords(
                  prefs.genres.map((g) => page.t.genres[g]),
                  lang,
                )
              : page.t.notGiven
          }
        </dd>
        <dt>${t.musicWishes}</dt>
        <dd>${prefs?.musicWishes || page.t.notGiven}</dd>
        <dt>${t.extraGuests}</dt>
        <dd>${prefs?.extraGuests ?? 0}</dd>
      </dl>
      <h3>${t.accessHeading}</h3>
      ${
        access.length > 0
          ? html`<ul>
              ${access.map((text) => html`<li>${text}</li>`)}
            </ul>`
          : html`<p>${t.accessNone}</p>`
      }
      <h3>${t.consentHeading}</h3>
      <p>
        ${t.consent(
          page.t.consentVia[n.consent.via],
          formatDateTime(n.consent.at, lang),
          n.consent.noticeVersion,
        )}
      </p>
    </section>
  `;
}

/** The eligibility outcome with its reasons. */
export function renderEligibility(page: StueNominationPage, item: NominationItem): TemplateResult {
  const t = page.t.nomination;
  const { outcome, reasons } = eligibilityOf(item.nomination);
  return html`
    <section class="panel" aria-labelledby="eligibility-heading">
      <h2 id="eligibility-heading">${t.eligibilityHeading}</h2>
      <p class="outcome">${outcomeTag(page.t, outcome)}</p>
      <p>${t.outcomeText[outcome]}</p>
      ${
        reasons.length > 0
          ? html`<ul class="reasons">
              ${reasons.map((reason) => html`<li>${reason.text[page.context.lang]}</li>`)}
            </ul>`
          : nothing
      }
      <p class="muted">${t.eligibilityIntro}</p>
    </section>
  `;
}

/** The booking call's checklist. */
export function renderChecklist(page: StueNominationPage): TemplateResult {
  const t = page.t.nomination;
  return html`
    <section class="panel" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">${t.checklistHeading}</h2>
      <p>${t.checklistIntro}</p>
      <ul class="plain checklist">
        ${t.checklist.map(
          (line, index) => html`
            <li>
              <label class="choice">
                <input type="checkbox" id="check-${index}" />
                <span>${line}</span>
              </label>
            </li>
          `,
        )}
      </ul>
    </section>
  `;
}
