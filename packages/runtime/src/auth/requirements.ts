/**
 * Which schemes a call sends, from the operation's security alternatives and the
 * credentials the caller gave:
 *
 * 1. The first alternative whose schemes all have a credential (its scopes with it).
 * 2. Else, when `{}` is an alternative, nothing: the operation allows anonymous calls.
 * 3. Else every credential given for a scheme any alternative names, and the server's
 *    401 becomes the typed error, which says more than a guess made here could.
 *
 * A spec that states no requirement at all (`undefined`) gets every credential given.
 */
import type { SecurityRequirementSpec } from "../operation.js";

export interface Chosen {
  /** Fields of the schemes to send. */
  fields: readonly string[];
  /** OAuth2 scopes per field, from the chosen alternative; none when missing. */
  scopes: Readonly<Record<string, readonly string[] | undefined>>;
}

export function chooseRequirement(
  alternatives: readonly SecurityRequirementSpec[] | undefined,
  given: readonly string[],
): Chosen {
  if (alternatives === undefined) return { fields: [...given], scopes: {} };
  const has = (field: string) => given.includes(field);
  for (const alternative of alternatives) {
    const fields = Object.keys(alternative);
    if (fields.length > 0 && fields.every(has)) return { fields, scopes: alternative };
  }
  if (alternatives.some((alternative) => Object.keys(alternative).length === 0)) return { fields: [], scopes: {} };
  // Every field any alternative names, with the scopes of the first that names it.
  const scopes: Record<string, readonly string[] | undefined> = Object.assign({}, ...[...alternatives].reverse());
  return { fields: given.filter((field) => Object.hasOwn(scopes, field)), scopes };
}
