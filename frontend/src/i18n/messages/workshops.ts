// Strings of the workshops area.
import type { Catalogue } from "./types";

export const ko = {
} as const;

export const en: Catalogue<typeof ko> = {
};
