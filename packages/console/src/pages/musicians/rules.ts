/** The musicians page's rules and shapes, shared by its sections. */
import type { MusicianInput } from '@stue/core';
import { formText } from '../../internal/forms.js';

export const FIELDS = ['name', 'phone', 'email', 'homeMunicipalityCode', 'languages', 'genres'];
export const EDIT_FIELDS = [...FIELDS, 'active'];

/** What a form says about a musician, as the hub takes it. */
export function musicianFields(data: FormData) {
  return {
    name: formText(data, 'name'),
    phone: formText(data, 'phone'),
    email: formText(data, 'email'),
    homeMunicipalityCode: formText(
      data,
      'homeMunicipalityCode',
    ) as MusicianInput['homeMunicipalityCode'],
    languages: data.getAll('languages').map(String) as MusicianInput['languages'],
    genres: data.getAll('genres').map(String) as MusicianInput['genres'],
  };
}
