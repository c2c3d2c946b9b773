import type { ReportGrouping, ReportPeriodKind } from '@stue/core/reports';
import { pageStrings } from '../strings.js';

const da = {
  reports: {
    heading: 'Rapporter',
    intro:
      'En måneds, et kvartals eller et års tal til fonde og kommuner. Tal fra 1 til 4 vises ikke, og heller ikke de tal, de kunne regnes ud fra, så ingen kan genkendes. Et 0 vises: det er ingen.',
    filtersHeading: 'Vælg rapport',
    period: 'Måned',
    span: 'Periode',
    spans: { month: 'Kun måneden', quarter: 'Hele kvartalet', year: 'Hele året' },
    quarterName: (quarter: number, year: number) => `${quarter}. kvartal ${year}`,
    allSuppressed: (kind: ReportPeriodKind) =>
      `Tallene er skjult: de er under 5 eller ville afsløre et tal under 5. ${
        kind === 'month'
          ? 'Vælg hele kvartalet eller hele året for at få tal, der kan vises.'
          : kind === 'quarter'
            ? 'Vælg hele året for at få tal, der kan vises.'
            : 'Året har for få svar til at vise dem.'
      }`,
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
      `Tal fra 1 til ${min - 1} er skjult for at beskytte de medvirkende, og det samme er de tal, der ville afsløre dem. 0 betyder ingen.`,
    intervention: 'Indsatsen: koncerterne',
    population: 'Målgruppen: indstillinger og svarpersoner',
    setting: 'Rammerne: hvor koncerterne blev holdt',
    settingCaption: (grouping: string) => `Perioden fordelt på ${grouping.toLowerCase()}`,
    outcomes: 'Udbyttet: hvad koncerterne betød',
    spectrumNote:
      'Følelserne er et spænd, ikke en skala: at blive rørt, trist eller mindet om noget hører til en god koncert lige så meget som glæde. Én person kan vælge flere.',
    feelingsChart: (respondents: number | null) =>
      respondents === null
        ? 'Hvad mærkede de under musikken?'
        : `Hvad mærkede de under musikken? (${respondents} svarede)`,
    nominationsChart: 'Hvad der er sket med periodens indstillinger',
    respondentsChart: 'Hvem svarede på tabletten',
    debriefsChart: 'Musikernes evalueringer',
    answer: 'Svar',
    count: 'Antal',
    suppressed: 'Skjult',
    asTable: 'Tallene som tabel',
    nothing: 'ingen tal i perioden',
    none: 'Ingen i perioden (0).',
    limitsHeading: 'Det kan tallene ikke sige',
    limits:
      'Tallene tæller koncerter og svar; de måler ikke helbred og kan ikke sige, hvad der ville være sket uden besøget. Svarene kommer fra dem, der havde lyst til at svare, ofte med hjælp. Små måneder og små kommuner giver få tal, og skjulte tal kan ikke lægges sammen.',
  },
};

const en: typeof da = {
  reports: {
    heading: 'Reports',
    intro:
      'A month’s, a quarter’s or a year’s figures for funders and municipalities. Counts from 1 to 4 are not shown, nor the figures they could be worked out from, so nobody can be recognised. A 0 is shown: it is nobody.',
    filtersHeading: 'Choose a report',
    period: 'Month',
    span: 'Period',
    spans: { month: 'The month only', quarter: 'The whole quarter', year: 'The whole year' },
    quarterName: (quarter, year) => `Q${quarter} ${year}`,
    allSuppressed: (kind) =>
      `The counts are hidden: they are below 5 or would give one below 5 away. ${
        kind === 'month'
          ? 'Choose the whole quarter or the whole year for figures that can be shown.'
          : kind === 'quarter'
            ? 'Choose the whole year for figures that can be shown.'
            : 'The year has too few answers to show them.'
      }`,
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
      `Counts from 1 to ${min - 1} are hidden to protect the people involved, and so are the figures that would give them away. 0 means none.`,
    intervention: 'The intervention: the concerts',
    population: 'The population: nominations and respondents',
    setting: 'The setting: where the concerts were held',
    settingCaption: (grouping) => `The period by ${grouping.toLowerCase()}`,
    outcomes: 'The outcomes: what the concerts meant',
    spectrumNote:
      'The feelings are a range, not a scale: being moved, sad or reminded of something belongs to a good concert as much as joy. One person may choose several.',
    feelingsChart: (respondents) =>
      respondents === null
        ? 'What did they feel during the music?'
        : `What did they feel during the music? (${respondents} answered)`,
    nominationsChart: 'What became of the period’s nominations',
    respondentsChart: 'Who answered on the tablet',
    debriefsChart: 'The musicians’ debriefs',
    answer: 'Answer',
    count: 'Count',
    suppressed: 'Hidden',
    asTable: 'The figures as a table',
    nothing: 'no figures in the period',
    none: 'None in the period (0).',
    limitsHeading: 'What the figures cannot say',
    limits:
      'The figures count concerts and answers; they do not measure health and cannot say what would have happened without the visit. The answers come from those who wished to answer, often with help. Small months and small municipalities give few figures, and hidden figures cannot be added up.',
  },
};

/** The reports page's texts, with the console's shared ones, in Danish or English. */
export const reportsStrings = pageStrings(da, en);
