import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import {
  DEFAULT_PROGRAMME,
  StueHttpError,
  StueValidationError,
  type ProgrammeContentInput,
  type Musician,
  type ProgrammeDetail,
  type ProgrammeVersion,
} from '@stue/core';
import {
  addProgrammeVersion,
  createProgramme,
  getProgramme,
  listMusicians,
  listProgrammes,
} from '../api.js';
import { failureMessage, focusErrorSummary, formText, type FieldError } from '../internal/forms.js';
import { ConsolePage } from '../internal/page.js';
import { sharedStyles } from '../internal/styles.js';
import { programmesStrings } from '../strings/programmes.js';
import { fieldIdOf, renderDetail, renderForm, renderList } from './programmes/view.js';
import {
  criteriaOf,
  criterionFieldId,
  criterionLabel,
  draftsOf,
  newDraft,
  readDrafts,
  type CriterionDraft,
} from './programmes/criteria.js';

/** The tag the programmes page is registered under. */
export const PROGRAMMES_PAGE_TAG = 'stue-programmes-page';

/**
 * The open form: a new programme, or a new version of `base`; `values` fill it in, and
 * `criteria` holds the screening questions as they are being edited.
 */
export interface ProgrammeForm {
  kind: 'create' | 'version';
  /** The version whose feedback instrument the new one carries over, and its questions to edit. */
  base: Pick<ProgrammeVersion, 'slug' | 'version' | 'name' | 'criteria' | 'feedbackInstrumentId'>;
  values: ProgrammeVersion | undefined;
  criteria: CriterionDraft[];
}

/**
 * Programmes: each with what its current version says (format, data controller, contact,
 * promise, notice, questions, peers) and every version; a form for a new programme and for a
 * new version, whose screening questions and feedback instrument carry over, and whose peers are
 * chosen among the active musicians.
 *
 * @summary The coordinator's page for programmes and their versions.
 */
export class StueProgrammesPage extends ConsolePage {
  static override styles = [
    sharedStyles,
    // Each screening question is a group of its own: a rule above it, and its number as a heading.
    css`
      fieldset.criterion {
        padding-block-start: 1rem;
        border-block-start: 1px solid var(--stue-console-border);
      }

      fieldset.criterion legend {
        font-size: 1.125rem;
        font-weight: 700;
        padding-block-end: 0.5rem;
      }
    `,
  ];

  /** The page's texts, and the console's shared ones. */
  override get t() {
    return programmesStrings(this.context?.lang ?? 'da');
  }

  @state() accessor programmes: ProgrammeVersion[] = [];
  @state() accessor detail: ProgrammeDetail | undefined = undefined;
  @state() accessor form: ProgrammeForm | undefined = undefined;
  @state() accessor errors: FieldError[] = [];
  @state() accessor notice = '';
  /** Every musician, by name: whom a programme can name as a peer, and the peers' names. */
  @state() accessor musicians: Pick<Musician, 'id' | 'name' | 'active'>[] = [];

  started = false;
  /** Whether {@link musicians} holds every musician (the form offers peers only then). */
  musiciansLoaded = false;

  /** Loads the musicians once, every page of them. */
  private async loadMusicians(): Promise<void> {
    if (this.musiciansLoaded) return;
    const all: Musician[] = [];
    let cursor: string | undefined;
    do {
      const page = await listMusicians(this.context.api, cursor ? { cursor } : {});
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    this.musicians = all.map(({ id, name, active }) => ({ id, name, active }));
    this.musiciansLoaded = true;
  }

  /** A musician's name by id, or the id when the musician is not known. */
  musicianName(id: string): string {
    return this.musicians.find((m) => m.id === id)?.name ?? id;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.started || !this.context) return;
    this.started = true;
    void this.load();
  }

  /** Loads every programme's newest version. */
  async load(): Promise<void> {
    await this.pageState.load(async () => {
      this.programmes = await listProgrammes(this.context.api);
    });
  }

  /** Shows a programme with its versions. */
  async open(slug: string): Promise<void> {
    await this.pageState.run(async () => {
      await this.loadMusicians();
      this.detail = await getProgramme(this.context.api, slug);
      this.form = undefined;
      await this.focusOn('#programme-heading');
    });
  }

  /** Opens the form: a new version of `base`, or a new programme with the default's questions. */
  startForm(base?: ProgrammeVersion): void {
    this.errors = [];
    this.notice = '';
    this.form = base
      ? { kind: 'version', base, values: base, criteria: draftsOf(base.criteria) }
      : {
          kind: 'create',
          base: {
            slug: DEFAULT_PROGRAMME.id,
            version: 0,
            name: DEFAULT_PROGRAMME.name,
            criteria: DEFAULT_PROGRAMME.eligibility.criteria,
            feedbackInstrumentId: DEFAULT_PROGRAMME.feedbackInstrumentId,
          },
          values: undefined,
          criteria: draftsOf(DEFAULT_PROGRAMME.eligibility.criteria),
        };
    void this.focusOn('#programme-form-heading');
    void this.pageState.run(() => this.loadMusicians());
  }

  // What is typed in the form now, so adding or removing a question keeps the rest as typed.
  #typedCriteria(form: ProgrammeForm): CriterionDraft[] {
    const element = this.renderRoot.querySelector<HTMLFormElement>('form.programme-form');
    return element ? readDrafts(new FormData(element), form.criteria) : form.criteria;
  }

  /** Adds an empty screening question at the end, and moves to it. */
  addCriterion(): void {
    const form = this.form;
    if (!form) return;
    const criteria = [...this.#typedCriteria(form), newDraft()];
    this.form = { ...form, criteria };
    void this.focusOn(`#${fieldIdOf(`criteria.${criteria.length - 1}.id`)}`);
  }

  /** Removes the `n`th screening question (from 0); the others keep what is typed. */
  removeCriterion(n: number): void {
    const form = this.form;
    if (!form) return;
    const criteria = this.#typedCriteria(form).filter((_, i) => i !== n);
    this.form = { ...form, criteria };
    void this.focusOn(`#${fieldIdOf('criteria')}`);
  }

  closeForm(): void {
    this.form = undefined;
    this.errors = [];
  }

  /** Saves the form as a new programme or a new version, and shows it. */
  submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = this.form;
    if (!form || this.busy) return;
    const data = new FormData(event.target as HTMLFormElement);
    const criteria = readDrafts(data, form.criteria);
    this.form = { ...form, criteria };
    const field = (name: string) => formText(data, name);
    const optional = (name: string) => field(name) || undefined;
    const content: ProgrammeContentInput = {
      name: { da: field('name.da'), en: field('name.en') },
      format: {
        kind: field('format.kind') as ProgrammeContentInput['format']['kind'],
        minutes: Number(field('format.minutes')),
        description: { da: field('format.description.da'), en: field('format.description.en') },
      },
      controller: {
        name: field('controller.name'),
        address: field('controller.address'),
        contact: field('controller.contact'),
      },
      notice: { da: field('notice.da'), en: field('notice.en') },
      nominatorContact: {
        phone: optional('nominatorContact.phone'),
        email: optional('nominatorContact.email'),
      },
      callWithin: { da: field('callWithin.da'), en: field('callWithin.en') },
      criteria: criteriaOf(criteria),
      feedbackInstrumentId: form.base.feedbackInstrumentId,
      feedbackConsent: field('feedbackConsent') as ProgrammeContentInput['feedbackConsent'],
      // Until the musicians are loaded the form has no boxes: the peers stay as they were.
      peers: this.musiciansLoaded
        ? data.getAll('peers').map(String)
        : [...(form.values?.peers ?? [])],
    };
    await this.pageState.run(
      async () => {
        const saved =
          form.kind === 'create'
            ? await this.write(createProgramme, { slug: field('slug'), ...content })
            : await this.write(addProgrammeVersion, form.base.slug, content);
        this.form = undefined;
        this.errors = [];
        this.programmes = await listProgrammes(this.context.api);
        this.detail = await getProgramme(this.context.api, saved.slug);
        this.notice = this.t.programmes.saved(saved.name[this.context.lang], saved.version);
        await this.focusOn('.notice');
      },
      async (error) => {
        this.errors = errorsOf(this, error, content.peers ?? []);
        await focusErrorSummary(this);
      },
    );
  };

  protected override render(): TemplateResult {
    const t = this.t.programmes;
    return html`
      <h1 tabindex="-1">${t.heading}</h1>
      <p class="lead">${t.intro}</p>
      <p class="notice" role="status" tabindex="-1">${this.notice}</p>
      ${this.problemNotice(() => this.load())} ${renderList(this)}
      <button type="button" @click=${() => this.startForm()}>${t.create}</button>
      ${renderForm(this)} ${this.detail && !this.form ? renderDetail(this, this.detail) : ''}
    `;
  }
}

/**
 * The hub's issues at their fields (each path has its own field), each named by its field's
 * label so that the summary says which; or one message.
 */
function errorsOf(page: StueProgrammesPage, error: unknown, peers: string[]): FieldError[] {
  if (error instanceof StueValidationError) {
    return error.issues.map((issue) => {
      // A peer's issue (`peers.2`) is said at the peers' fieldset, naming the musician.
      const peer = /^peers\.(\d+)$/.exec(issue.path);
      if (peer) {
        const name = page.musicianName(peers[Number(peer[1])] ?? '');
        return { field: fieldIdOf('peers'), message: `${name}: ${issue.message}` };
      }
      const label = fieldLabels(page)[issue.path] ?? criterionLabel(page, issue.path);
      const message = label ? `${label}: ${issue.message}` : issue.message;
      const field = issue.path.startsWith('criteria')
        ? criterionFieldId(issue.path)
        : fieldIdOf(issue.path);
      return { field, message };
    });
  }
  if (error instanceof StueHttpError && error.code === 'programme_exists') {
    return [{ field: fieldIdOf('slug'), message: page.t.programmes.exists }];
  }
  return [{ message: failureMessage(page.t, error) }];
}

/** Each field's label by the path of its value. */
function fieldLabels(page: StueProgrammesPage): Record<string, string> {
  const f = page.t.programmes.fields;
  return {
    slug: f.slug,
    'name.da': f.nameDa,
    'name.en': f.nameEn,
    'format.kind': f.kind,
    'format.minutes': f.minutes,
    'format.description.da': f.descriptionDa,
    'format.description.en': f.descriptionEn,
    'controller.name': f.controllerName,
    'controller.address': f.controllerAddress,
    'controller.contact': f.controllerContact,
    'notice.da': f.noticeDa,
    'notice.en': f.noticeEn,
    'nominatorContact.phone': f.phone,
    'nominatorContact.email': f.email,
    'callWithin.da': f.callWithinDa,
    'callWithin.en': f.callWithinEn,
    feedbackConsent: f.feedbackConsent,
    peers: f.peers,
  };
}

/** Registers `<stue-programmes-page>`; harmless to call twice. */
export function defineProgrammesPage(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(PROGRAMMES_PAGE_TAG)) registry.define(PROGRAMMES_PAGE_TAG, StueProgrammesPage);
}

declare global {
  interface HTMLElementTagNameMap {
    [PROGRAMMES_PAGE_TAG]: StueProgrammesPage;
  }
}
