/** Fictional colleagues who authored the seed pages (account ids are made-up test values). */
export const PEOPLE = {
  jdoe: { accountId: '557058:0f3c1a2b-7d4e-4b6a-9c1d-2e3f4a5b6c7d', displayName: 'Jane Doe' },
  msmith: { accountId: '557058:1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', displayName: 'Marcus Smith' },
  pchen: { accountId: '557058:2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', displayName: 'Priya Chen' },
  okoro: { accountId: '557058:3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f', displayName: 'Olu Okoro' },
  lgarcia: { accountId: '557058:4d5e6f7a-8b9c-4d0e-1f2a-3b4c5d6e7f8a', displayName: 'Lucia Garcia' },
} as const;

/** Key of a fictional colleague in {@link PEOPLE}. */
export type PersonKey = keyof typeof PEOPLE;

/** Storage markup for an @-mention of a colleague. */
export function mention(person: PersonKey): string {
  return `<ac:link><ri:user ri:account-id="${PEOPLE[person].accountId}"/></ac:link>`;
}
