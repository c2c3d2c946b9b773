import type { ReportGrouping } from '@stue/core/reports';
import { pageStrings } from '../strings.js';

const da = {
  reports: {
    heading: 'Rapporter',
    intro:
      'En måneds tal til fonde og kommuner. Tal under 5 vises ikke, og heller ikke de tal, de kunne regnes ud fra, så ingen kan genkendes.',
    filtersHeading: 'Vælg rapport',
    period: 'Måned',
    grouping: 'Opdelt efter',
    groupings: {
      all: 'Hele programmet',
      region: 'Region',
      municipality: 'Kommune',
      partner: 'Partner',
      musician: 'Musiker',
      programme: 'Program',
    } as Record<ReportGrouping, string>,
    show: 'Vis rapport',
    csv: 'Hent som CSV (Excel)',
    json: 'Hent som JSON',
    print: 'Udskriv eller gem som PDF',
    reportHeading: (month: string) => `Musikalske Besøgsvenner – ${month}`,
    suppressionNote: (min: number) =>
      `Tal under ${min} er skjult for at beskytte de medvirkende, og det samme er de tal, der ville afsløre dem.`,
    intervention: 'Indsatsen: koncerterne',
    population: 'Målgruppen: indstillinger og svarpersoner',
    setting: 'Rammerne: hvor koncerterne blev holdt',
    settingCaption: (grouping: string) => `Måneden fordelt på ${grouping.toLowerCase()}`,
    outcomes: 'Udbyttet: hvad koncerterne betød',
    spectrumNote:
      'Følelserne er et spænd, ikke en skala: at blive rørt, trist eller mindet om noget hører til en god koncert lige så meget som glæde. Én person kan vælge flere.',
    feelingsChart: (respondents: number | null) =>
      respondents === null
        ? 'Hvad mærkede de under musikken?'
        : `Hvad mærkede de under musikken? (${respondents} svarede)`,
    nominationsChart: 'Hvad der er sket med månedens indstillinger',
    respondentsChart: 'Hvem svarede på tabletten',
    debriefsChart: 'Musikernes evalueringer',
    answer: 'Svar',
    count: 'Antal',
    suppressed: 'Under 5 – skjult',
    asTable: 'Tallene som tabel',
    nothing: 'ingen tal i måneden',
    limitsHeading: 'Det kan tallene ikke sige',
    limits:
      'Tallene tæller koncerter og svar; de måler ikke helbred og kan ikke sige, hvad der ville være sket uden besøget. Svarene kommer fra dem, der havde lyst til at svare, ofte med hjælp. Små måneder og små kommuner giver få tal, og skjulte tal kan ikke lægges sammen.',
  },
};

const en: typeof da = {
  reports: {
    heading: 'Reports',
    intro:
      'A month’s figures for funders and municipalities. Counts below 5 are not shown, nor the figures they could be worked out from, so nobody can be recognised.',
    filtersHeading: 'Choose a report',
    period: 'Month',
    grouping: 'Split by',
    groupings: {
      all: 'The whole programme',
      region: 'Region',
      municipality: 'Municipality',
      partner: 'Partner',
      musician: 'Musician',
      programme: 'Programme',
    },
    show: 'Show report',
    csv: 'Download CSV (Excel)',
    json: 'Download JSON',
    print: 'Print or save as PDF',
    reportHeading: (month) => `Musikalske Besøgsvenner – ${month}`,
    suppressionNote: (min) =>
      `Counts below ${min} are hidden to protect the people involved, and so are the figures that would give them away.`,
    intervention: 'The intervention: the concerts',
    population: 'The population: nominations and respondents',
    setting: 'The setting: where the concerts were held',
    settingCaption: (grouping) => `The month by ${grouping.toLowerCase()}`,
    outcomes: 'The outcomes: what the concerts meant',
    spectrumNote:
      'The feelings are a range, not a scale: being moved, sad or reminded of something belongs to a good concert as much as joy. One person may choose several.',
    feelingsChart: (respondents) =>
      respondents === null
        ? 'What did they feel during the music?'
        : `What did they feel during the music? (${respondents} answered)`,
    nominationsChart: 'What became of the month’s nominations',
    respondentsChart: 'Who answered on the tablet',
    debriefsChart: 'The musicians’ debriefs',
    answer: 'Answer',
    count: 'Count',
    suppressed: 'Below 5 – hidden',
    asTable: 'The figures as a table',
    nothing: 'no figures this month',
    limitsHeading: 'What the figures cannot say',
    limits:
      'The figures count concerts and answers; they do not measure health and cannot say what would have happened without the visit. The answers come from those who wished to answer, often with help. Small months and small municipalities give few figures, and hidden figures cannot be added up.',
  },
};

/** The reports page's texts, with the console's shared ones, in Danish or English. */
export const reportsStrings = pageStrings(da, en);
