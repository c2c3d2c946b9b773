/** The plan as shown: the proposals day by day, and the nominations left over. */
import type { ScheduleProposal } from '@stue/core/scheduler';
import { html, nothing, type TemplateResult } from 'lit';
import { municipalityName } from '../../internal/labels.js';
import { formatDate, formatLocalClock } from '../../internal/time.js';
import { href } from '../../router.js';
import type { StuePlanningPage } from '../planning-page.js';
import { createChosen, toggle } from './plan.js';
import { isLongDriveForOne, type Plan } from './rules.js';

/** The name of a tour day's musician. */
export function musicianOfDay(page: StuePlanningPage, tourDayId: string): string {
  const day = page.tourDays.find((d) => d.id === tourDayId);
  return page.musicians.find((m) => m.id === day?.musicianId)?.name ?? '–';
}

/** A proposed concert, with its choice to include it. */
export function renderProposal(page: StuePlanningPage, proposal: ScheduleProposal): TemplateResult {
  const t = page.t.planning;
  const { lang } = page.context;
  const item = page.context.nominations.get(proposal.nominationId);
  const host = item?.nomination.host;
  const name = host?.firstName ?? '–';
  const time = `${formatLocalClock(proposal.start.slice(11, 16), lang)}–${formatLocalClock(
    proposal.end.slice(11, 16),
    lang,
  )}`;
  const outcome = page.created.get(proposal.nominationId);
  const id = `proposal-${proposal.nominationId}`;
  return html`
    <li class="proposal">
      <input
        type="checkbox"
        id=${id}
        .checked=${!page.excluded.has(proposal.nominationId)}
        ?disabled=${outcome?.ok === true}
        @change=${(e: Event) =>
          toggle(page, proposal.nominationId, (e.target as HTMLInputElement).checked)}
      />
      <label for=${id}>
        <span class="visually-hidden">${t.includeLabel}</span>
        <span class="time">${time}</span>
        ${name}, ${host ? municipalityName(host.municipalityCode) : ''}
      </label>
      <span class="meta">
        ${t.drive(proposal.driveMinutesBefore)} ·
        <a href=${href('nomination', { id: proposal.nominationId })}>${item?.reference ?? ''}</a>
      </span>
      ${
        outcome
          ? html`<span class="outcome ${outcome.ok ? 'ok' : 'problem'}">${outcome.message}</span>`
          : nothing
      }
    </li>
  `;
}

/** The plan, day by day, and the nominations left over with why. */
export function renderPlan(page: StuePlanningPage, plan: Plan): TemplateResult {
  const t = page.t.planning;
  const { lang } = page.context;
  const { result } = plan;
  const days = new Map(page.tourDays.map((d) => [d.id, d]));
  const chosen = page.chosen.length;
  return html`
    <section aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">${t.proposalsHeading}</h2>
      ${result.stats.tourDays.map((stats) => {
        const day = days.get(stats.tourDayId);
        if (!day) return nothing;
        const proposals = result.proposals.filter((p) => p.tourDayId === day.id);
        const booked = plan.booked.get(day.id) ?? 0;
        return html`
          <section class="panel day" aria-labelledby="day-${day.id}">
            <h3 id="day-${day.id}">
              ${t.dayHeading(formatDate(day.date, lang), musicianOfDay(page, day.id))}
            </h3>
            <p>
              ${t.startsFrom(
                municipalityName(day.baseMunicipalityCode),
                `${formatLocalClock(day.windowStart, lang)}–${formatLocalClock(day.windowEnd, lang)}`,
              )}
              ${proposals.length > 0 ? t.dayStats(stats.concerts, stats.driveMinutes) : ''}
            </p>
            ${
              isLongDriveForOne(stats)
                ? html`<p class="long-drive">${t.longDriveForOne(stats.driveMinutes)}</p>`
                : nothing
            }
            ${booked > 0 ? html`<p class="muted">${t.alreadyBooked(booked)}</p>` : nothing}
            ${
              proposals.length > 0
                ? html`<ol class="proposals">
                    ${proposals.map((p) => renderProposal(page, p))}
                  </ol>`
                : html`<p class="muted">${t.dayEmpty}</p>`
            }
          </section>
        `;
      })}
      ${
        result.proposals.some((p) => !page.created.get(p.nominationId)?.ok)
          ? html`<div class="actions">
              <button
                type="button"
                aria-disabled=${page.creating || chosen === 0 ? 'true' : 'false'}
                @click=${() => void createChosen(page)}
              >
                ${page.creating ? t.creating : t.createBookings(chosen)}
              </button>
            </div>`
          : nothing
      }
    </section>
    ${
      result.leftOver.length > 0
        ? html`<section aria-labelledby="left-over-heading">
            <h2 id="left-over-heading">${t.leftOverHeading}</h2>
            <p>${t.leftOverIntro}</p>
            <ul class="panel">
              ${result.leftOver.map((left) => {
                const item = page.context.nominations.get(left.nominationId);
                const host = item?.nomination.host;
                return html`<li>
                  <a href=${href('nomination', { id: left.nominationId })}
                    >${item?.reference ?? left.nominationId}</a
                  >
                  ${host ? `${host.firstName}, ${municipalityName(host.municipalityCode)}` : ''}:
                  ${left.reason[lang]}
                </li>`;
              })}
            </ul>
          </section>`
        : nothing
    }
  `;
}
