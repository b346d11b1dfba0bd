// Officials (rule 6): each official in the answer key's `roles` must be tied to its country,
// by a `country` attribute holding the country node's key or by an OFFICIAL_OF edge, and carry
// each title inside one of its `titles`.
import { foldName } from "../text/fold.ts";
import { nodesMatching } from "./match-entities.ts";
import type { ScoredGraph } from "./scored-graph.ts";
import { ROLE_RELATIONS, type GoldEntity, type GoldKey, type GoldRole } from "./types.ts";

export interface RoleScore {
  roles: { countries: string; titles: string };
  roleErrors: string[];
}

export function scoreRoles(
  gold: GoldKey,
  goldById: ReadonlyMap<string, GoldEntity>,
  graph: ScoredGraph,
  mapping: ReadonlyMap<string, string>,
): RoleScore {
  const nameOf = (id: string): string => goldById.get(id)?.name ?? id;
  const roles = gold.roles ?? [];
  let linked = 0;
  let titlesFound = 0;
  let titlesWanted = 0;
  const roleErrors: string[] = [];
  for (const role of roles) {
    const officialKeys = nodesMatching(mapping, role.official);
    if (isLinkedToCountry(role, officialKeys, graph, mapping)) linked++;
    else roleErrors.push(`${nameOf(role.official)} not linked to ${nameOf(role.country)}`);

    const titles = officialKeys.flatMap((key) => titlesOf(graph, key)).map(foldName);
    for (const title of role.titles) {
      titlesWanted++;
      const wanted = foldName(title);
      if (titles.some((t) => t.includes(wanted))) titlesFound++;
      else roleErrors.push(`${nameOf(role.official)} lacks title ${title}`);
    }
  }
  return { roles: { countries: `${linked}/${roles.length}`, titles: `${titlesFound}/${titlesWanted}` }, roleErrors };
}

function isLinkedToCountry(
  role: GoldRole,
  officialKeys: string[],
  graph: ScoredGraph,
  mapping: ReadonlyMap<string, string>,
): boolean {
  const countryKeys = new Set(nodesMatching(mapping, role.country));
  return officialKeys.some(
    (key) =>
      countryKeys.has(String(graph.nodeByKey.get(key)?.attrs.country ?? "")) ||
      graph.edges.some(
        (e) => e.source === key && countryKeys.has(e.target) && ROLE_RELATIONS.has(e.attrs.type as string),
      ),
  );
}

/** A node's titles as strings (a lone string counts as one title, as in the reference). */
function titlesOf(graph: ScoredGraph, key: string): string[] {
  const titles = graph.nodeByKey.get(key)?.attrs.titles ?? [];
  return (Array.isArray(titles) ? titles : [titles]).map((t) => String(t ?? ""));
}
