/** The screening questions of a programme's form: one group of fields per question. */
import {
  CRITERION_KINDS,
  type Criterion,
  type CriterionKind,
  type LocalisedText,
  type ProgrammeContentInput,
} from '@stue/core';
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import {
  formText,
  inputField,
  selectField,
  textareaField,
  type FieldError,
} from '../../internal/forms.js';
import type { StueProgrammesPage } from '../programmes-page.js';
import { fieldIdOf } from './view.js';

/** The texts a question has in both languages; all but `question` may be left out. */
const TEXTS = ['question', 'help', 'thirdPerson', 'host', 'whenNo'] as const;
type TextPart = (typeof TEXTS)[number];

/**
 * A screening question as the form holds it while it is edited. `key` tells the questions apart
 * when one is added or removed; `kept` marks a question carried over from
 * the version before, whose id stays (nominations' answers are filed under it).
 */
export interface CriterionDraft {
  key: string;
  kept: boolean;
  id: string;
  kind: CriterionKind;
  texts: Record<TextPart, LocalisedText>;
  /** The help lines per nominator, carried over as they were while their question stays. */
  thirdPersonHelp?: LocalisedText | undefined;
  hostHelp?: LocalisedText | undefined;
}

const empty = (): LocalisedText => ({ da: '', en: '' });
let nextKey = 0;
const newKey = () => `criterion-${++nextKey}`;

/** The drafts of a version's questions, to edit. */
export function draftsOf(criteria: readonly Criterion[]): CriterionDraft[] {
  return criteria.map((c) => ({
    key: newKey(),
    kept: true,
    id: c.id,
    kind: c.kind,
    texts: {
      question: { ...c.question },
      help: { ...(c.help ?? empty()) },
      thirdPerson: { ...(c.thirdPerson?.question ?? empty()) },
      host: { ...(c.host?.question ?? empty()) },
      whenNo: { ...(c.whenNo ?? empty()) },
    },
    thirdPersonHelp: c.thirdPerson?.help,
    hostHelp: c.host?.help,
  }));
}

/** A new, empty question. */
export function newDraft(): CriterionDraft {
  const texts = Object.fromEntries(TEXTS.map((part) => [part, empty()])) as CriterionDraft['texts'];
  return { key: newKey(), kept: false, id: '', kind: 'supporting', texts };
}

/** The drafts with what is typed in the form now (fields are named `criteria.{n}.…`). */
export function readDrafts(data: FormData, drafts: readonly CriterionDraft[]): CriterionDraft[] {
  return drafts.map((draft, n) => {
    const field = (name: string) => formText(data, `criteria.${n}.${name}`);
    const texts = Object.fromEntries(
      TEXTS.map((part) => [part, { da: field(`${part}.da`), en: field(`${part}.en`) }]),
    ) as CriterionDraft['texts'];
    return {
      ...draft,
      id: draft.kept ? draft.id : field('id'),
      kind: (field('kind') || draft.kind) as CriterionKind,
      texts,
    };
  });
}

type CriterionInput = ProgrammeContentInput['criteria'][number];

/**
 * The questions as the hub takes them. A text left empty in both languages is left out; one
 * written in a single language is sent as it is, so the hub names the missing one.
 */
export function criteriaOf(drafts: readonly CriterionDraft[]): CriterionInput[] {
  const given = (text: LocalisedText) => (text.da || text.en ? text : undefined);
  return drafts.map((draft) => {
    const { question, help, thirdPerson, host, whenNo } = draft.texts;
    const wording = (text: LocalisedText, helpLine: LocalisedText | undefined) =>
      given(text) && { question: text, ...(helpLine ? { help: helpLine } : {}) };
    const optional = {
      help: given(help),
      thirdPerson: wording(thirdPerson, draft.thirdPersonHelp),
      host: wording(host, draft.hostHelp),
      whenNo: given(whenNo),
    };
    return {
      id: draft.id,
      kind: draft.kind,
      question,
      ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    };
  });
}

/** The label of a question's field by its path (`criteria.0.help.en`), for the error summary. */
export function criterionLabel(page: StueProgrammesPage, path: string): string | undefined {
  const match = /^criteria\.(\d+)\.(.+)$/.exec(path);
  if (!match) return path === 'criteria' ? page.t.programmes.criteria.heading : undefined;
  const c = page.t.programmes.criteria;
  const labels: Record<string, string> = {
    id: c.id,
    kind: c.kind,
    ...Object.fromEntries(
      TEXTS.flatMap((part) => [
        [`${part}.da`, c.texts[part].da],
        [`${part}.en`, c.texts[part].en],
        // An optional wording with one language missing is reported at its `question`.
        [`${part}.question.da`, c.texts[part].da],
        [`${part}.question.en`, c.texts[part].en],
      ]),
    ),
  };
  const label = labels[match[2]!];
  return (
    label &&
    `${c.numbered(Number(match[1]) + 1)}, ${label.charAt(0).toLowerCase()}${label.slice(1)}`
  );
}

/** The form's id for a question's field: where its issue's path points. */
export const criterionFieldId = (path: string) =>
  fieldIdOf(path.replace(/\.(thirdPerson|host)\.question\./, '.$1.'));

/** Each question's fields, with a button to remove it, and one to add a question. */
export function renderCriteria(
  page: StueProgrammesPage,
  drafts: readonly CriterionDraft[],
  errors: FieldError[],
): TemplateResult {
  const c = page.t.programmes.criteria;
  return html`<h3 id=${fieldIdOf('criteria')} tabindex="-1">${c.heading}</h3>
    <p class="hint">${c.hint}</p>
    ${drafts.length === 0 ? html`<p>${c.none}</p>` : nothing}
    ${keyed(
      // Drawn afresh when a question is added or removed (the drafts then hold what was typed):
      // each field's id, label and hint follow its question's place, as the hub's issues do.
      drafts.map((draft) => draft.key).join(' '),
      drafts.map((draft, n) => {
        const path = (name: string) => `criteria.${n}.${name}`;
        const text = (part: TextPart, lang: 'da' | 'en') =>
          textareaField({
            id: criterionFieldId(path(`${part}.${lang}`)),
            name: path(`${part}.${lang}`),
            label: c.texts[part][lang],
            value: draft.texts[part][lang],
            rows: 2,
            errors,
            ...(part === 'question' ? {} : { hint: c.optionalHint }),
          });
        return html`<fieldset class="criterion">
          <legend>
            ${c.numbered(n + 1)}${draft.kept ? html` · <span class="mono">${draft.id}</span>` : nothing}
          </legend>
          ${
            draft.kept
              ? nothing
              : inputField({
                  id: fieldIdOf(path('id')),
                  name: path('id'),
                  label: c.id,
                  value: draft.id,
                  hint: c.idHint,
                  autocomplete: 'off',
                  errors,
                })
          }
          ${selectField({
            id: fieldIdOf(path('kind')),
            name: path('kind'),
            label: c.kind,
            choices: CRITERION_KINDS.map((kind) => ({ value: kind, label: c.kinds[kind] })),
            value: draft.kind,
            errors,
          })}
          ${TEXTS.map((part) => html`${text(part, 'da')} ${text(part, 'en')}`)}
          <button
            type="button"
            class="secondary small"
            data-remove-criterion=${n}
            @click=${() => page.removeCriterion(n)}
          >
            ${c.remove(n + 1)}
          </button>
        </fieldset>`;
      }),
    )}
    <button type="button" class="secondary" data-add-criterion @click=${() => page.addCriterion()}>
      ${c.add}
    </button>`;
}
