/** The programmes as listed, one programme's current version and versions, and its form. */
import {
  FEEDBACK_CONSENT_PLACES,
  VISIT_FORMAT_KINDS,
  type ProgrammeDetail,
  type ProgrammeVersion,
} from '@stue/core';
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import {
  checkboxesField,
  errorSummary,
  inputField,
  radiosField,
  selectField,
  textareaField,
} from '../../internal/forms.js';
import { formatPhone } from '../../internal/labels.js';
import { dataTable } from '../../internal/table.js';
import { formatDateTime } from '../../internal/time.js';
import type { StueProgrammesPage } from '../programmes-page.js';
import { renderCriteria } from './criteria.js';

/** The table of programmes, or a word while none is loaded. */
export function renderList(page: StueProgrammesPage): TemplateResult {
  const t = page.t.programmes;
  const lang = page.context.lang;
  if (page.programmes.length === 0) {
    return page.loading ? html`<p>${page.t.loading}</p>` : html`<p>${t.none}</p>`;
  }
  return dataTable({
    caption: t.caption,
    columns: [
      t.columns.name,
      t.columns.slug,
      t.columns.version,
      t.columns.format,
      t.columns.action,
    ],
    rows: page.programmes,
    label: t.caption,
    row: (p) =>
      html`<th scope="row">${p.name[lang]}</th>
        <td class="mono">${p.slug}</td>
        <td>${p.version}</td>
        <td>${t.formats[p.format.kind]}, ${t.minutesOf(p.format.minutes)}</td>
        <td>
          <button
            type="button"
            class="secondary small"
            aria-label=${t.showNamed(p.name[lang])}
            @click=${() => void page.open(p.slug)}
          >
            ${t.show}
          </button>
        </td>`,
  });
}

/** One programme: what its current version says, and every version. */
export function renderDetail(page: StueProgrammesPage, detail: ProgrammeDetail): TemplateResult {
  const t = page.t.programmes;
  const lang = page.context.lang;
  const p = detail.current;
  const contact = [
    p.nominatorContact.phone && formatPhone(p.nominatorContact.phone),
    p.nominatorContact.email,
  ].filter(Boolean);
  return html`<section class="panel" aria-labelledby="programme-heading">
    <h2 id="programme-heading" tabindex="-1">${p.name[lang]}</h2>
    <p>${t.current(p.version, p.noticeVersion)}</p>
    <dl class="facts">
      <div>
        <dt>${t.columns.format}</dt>
        <dd>${t.formats[p.format.kind]}, ${t.minutesOf(p.format.minutes)}</dd>
      </div>
      <div>
        <dt>${t.controller}</dt>
        <dd>${p.controller.name}, ${p.controller.address} · ${p.controller.contact}</dd>
      </div>
      <div>
        <dt>${t.contact}</dt>
        <dd>${contact.join(' · ')}</dd>
      </div>
      <div>
        <dt>${t.callWithin}</dt>
        <dd>${p.callWithin[lang]}</dd>
      </div>
      <div>
        <dt>${t.feedbackConsent}</dt>
        <dd>${t.places[p.feedbackConsent]}</dd>
      </div>
    </dl>
    <h3>${t.notice}</h3>
    ${p.notice.da.split(/\n\s*\n/).map((paragraph) => html`<p>${paragraph}</p>`)}
    <h3>${t.questions}</h3>
    <ol>
      ${p.criteria.map((c) => html`<li>${c.question[lang]}</li>`)}
    </ol>
    <h3>${t.peers}</h3>
    ${
      p.peers.length === 0
        ? html`<p>${t.noPeers}</p>`
        : html`<ul class="peers">
            ${p.peers.map((id) => html`<li>${page.musicianName(id)}</li>`)}
          </ul>`
    }
    ${dataTable({
      caption: t.versionsCaption,
      columns: [
        t.versionColumns.version,
        t.versionColumns.notice,
        t.versionColumns.at,
        t.versionColumns.by,
      ],
      rows: detail.versions,
      row: (v) =>
        html`<th scope="row">${v.version}</th>
          <td class="mono">${v.noticeVersion}</td>
          <td>${formatDateTime(v.createdAt, lang)}</td>
          <td>
            ${
              v.createdBy === `coordinator:${page.context.session.coordinator.id}`
                ? page.context.session.coordinator.name
                : v.createdBy
            }
          </td>`,
    })}
    <button type="button" class="secondary" @click=${() => page.startForm(p)}>
      ${t.newVersion}
    </button>
  </section>`;
}

/** The form for a new programme (from `base`'s questions) or a new version of `base`. */
export function renderForm(page: StueProgrammesPage): TemplateResult | typeof nothing {
  const form = page.form;
  if (!form) return nothing;
  const t = page.t.programmes;
  const f = t.fields;
  const lang = page.context.lang;
  const errors = page.errors;
  const v = form.values;
  const id = (path: string) => `programme-${path.replaceAll('.', '-')}`;
  const text = (path: string, label: string, value: string | undefined, hint?: string) =>
    inputField({ id: id(path), name: path, label, value, errors, autocomplete: 'off', hint });
  const area = (path: string, label: string, value: string | undefined, hint?: string) =>
    textareaField({ id: id(path), name: path, label, value, errors, rows: 5, hint });
  return html`<section class="panel" aria-labelledby="programme-form-heading">
    <h2 id="programme-form-heading" tabindex="-1">
      ${form.kind === 'create' ? t.createHeading : t.versionHeading(form.base.name[lang])}
    </h2>
    <p>${t.questionsKept(form.base.name[lang])}</p>
    ${errorSummary(page.t, errors)}
    ${keyed(
      `${form.kind}-${form.base.slug}-${form.base.version}`,
      html`<form class="programme-form" novalidate @submit=${page.submit}>
        ${form.kind === 'create' ? text('slug', f.slug, '', f.slugHint) : nothing}
        ${text('name.da', f.nameDa, v?.name.da)} ${text('name.en', f.nameEn, v?.name.en)}
        ${selectField({
          id: id('format.kind'),
          name: 'format.kind',
          label: f.kind,
          choices: VISIT_FORMAT_KINDS.map((kind) => ({ value: kind, label: t.formats[kind]! })),
          value: v?.format.kind ?? 'home-concert',
          errors,
        })}
        ${inputField({
          id: id('format.minutes'),
          name: 'format.minutes',
          type: 'number',
          label: f.minutes,
          value: String(v?.format.minutes ?? 60),
          min: '15',
          max: '240',
          errors,
        })}
        ${area('format.description.da', f.descriptionDa, v?.format.description.da)}
        ${area('format.description.en', f.descriptionEn, v?.format.description.en)}
        ${text('controller.name', f.controllerName, v?.controller.name)}
        ${text('controller.address', f.controllerAddress, v?.controller.address)}
        ${text('controller.contact', f.controllerContact, v?.controller.contact)}
        ${area('notice.da', f.noticeDa, v?.notice.da, f.noticeHint)}
        ${area('notice.en', f.noticeEn, v?.notice.en, f.noticeHint)}
        ${text(
          'nominatorContact.phone',
          f.phone,
          v?.nominatorContact.phone && formatPhone(v.nominatorContact.phone),
          f.contactHint,
        )}
        ${text('nominatorContact.email', f.email, v?.nominatorContact.email)}
        ${text('callWithin.da', f.callWithinDa, v?.callWithin.da, f.callWithinHint)}
        ${text('callWithin.en', f.callWithinEn, v?.callWithin.en)}
        ${radiosField({
          id: id('feedbackConsent'),
          name: 'feedbackConsent',
          label: f.feedbackConsent,
          choices: FEEDBACK_CONSENT_PLACES.map((place) => ({
            value: place,
            label: t.places[place]!,
          })),
          checked: v?.feedbackConsent ?? 'kiosk',
          errors,
          stack: true,
        })}
        ${renderCriteria(page, form.criteria, errors)} ${peersField(page, v?.peers ?? [])}
        <div class="actions">
          <button type="submit" aria-disabled=${page.busy ? 'true' : 'false'}>${t.save}</button>
          <button type="button" class="secondary" @click=${() => page.closeForm()}>
            ${page.t.cancel}
          </button>
        </div>
      </form>`,
    )}
  </section>`;
}

/**
 * The programme's peers: a box per active musician, and per musician named already (an inactive
 * one stays shown, said so, until unticked; the hub refuses to keep them).
 */
function peersField(page: StueProgrammesPage, named: readonly string[]): TemplateResult {
  const f = page.t.programmes.fields;
  const choices = page.musicians
    .filter((m) => m.active || named.includes(m.id))
    .map((m) => ({ value: m.id, label: m.active ? m.name : `${m.name} (${f.inactive})` }));
  if (!page.musiciansLoaded) return html`<p>${page.t.loading}</p>`;
  if (choices.length === 0) {
    return html`<fieldset class="field">
      <legend>${f.peers}</legend>
      <p class="muted" id=${fieldIdOf('peers')}>${f.noMusicians}</p>
    </fieldset>`;
  }
  return checkboxesField({
    id: fieldIdOf('peers'),
    name: 'peers',
    label: f.peers,
    hint: f.peersHint,
    choices,
    checked: named,
    errors: page.errors,
  });
}

/** The form's id for an issue's path (`controller.name` → `programme-controller-name`). */
export const fieldIdOf = (path: string): string => `programme-${path.replaceAll('.', '-')}`;

export type { ProgrammeVersion };
