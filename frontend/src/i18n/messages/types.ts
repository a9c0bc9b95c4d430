/** The English catalogue of an area must have exactly the Korean one's keys. */
export type Catalogue<K> = { readonly [key in keyof K]: string };
