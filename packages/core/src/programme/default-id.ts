/** The id of the default programme, Musikalske Besøgsvenner. */
export const DEFAULT_PROGRAMME_ID = 'musikalske-besoegsvenner';
