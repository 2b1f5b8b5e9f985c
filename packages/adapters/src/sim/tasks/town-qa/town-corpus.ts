import { createRng } from "@lathe/core";
import { pick } from "../../draw.js";
import { firstNames, lastNames } from "../people-names.js";
import { adjectives, nouns, provinces, rivers, townNames } from "./town-names.js";

/** A town of the bundled corpus; every fact is invented, so no model can know it beforehand. */
export interface Town {
  readonly name: string;
  /** Used in questions as "the Copper City"; only a separate nickname passage links it to the name. */
  readonly nickname: string;
  readonly province: string;
  readonly river: string;
  readonly founded: number;
  readonly population: number;
  readonly mayor:
    | { readonly kind: "sole"; readonly current: string }
    | { readonly kind: "former"; readonly current: string; readonly former: string; readonly until: number }
    | { readonly kind: "council"; readonly chair: string };
}

function buildTowns(): Town[] {
  const rng = createRng("lathe-sim-town-corpus-v1");
  const person = () => `${pick(firstNames, rng)} ${pick(lastNames, rng)}`;
  return townNames.map((name, index) => {
    const kind = index % 5 === 2 ? "council" : index % 5 === 1 ? "sole" : "former";
    const mayor: Town["mayor"] =
      kind === "council"
        ? { kind, chair: person() }
        : kind === "sole"
          ? { kind, current: person() }
          : { kind, current: person(), former: person(), until: rng.int(2012, 2023) };
    return {
      name,
      nickname: `${adjectives[index]!} ${nouns[index % nouns.length]!}`,
      province: pick(provinces, rng),
      river: pick(rivers, rng),
      founded: rng.int(1300, 1899),
      population: rng.int(2_000, 95_000),
      mayor,
    };
  });
}

export const towns: readonly Town[] = buildTowns();

function mayorSentence(mayor: Town["mayor"]): string {
  switch (mayor.kind) {
    case "sole":
      return `Its mayor is ${mayor.current}.`;
    case "former":
      return `${mayor.former} was its mayor until ${mayor.until}; the current mayor is ${mayor.current}.`;
    case "council":
      return `It has no mayor and is governed by a town council chaired by ${mayor.chair}.`;
  }
}

/** The passage that holds a town's facts. */
export function townPassage(town: Town): string {
  const population = town.population.toLocaleString("en-US");
  return `${town.name} is a town in the province of ${town.province}, on the river ${town.river}. It was founded in ${town.founded} and has a population of ${population}. ${mayorSentence(town.mayor)}`;
}

/** The passage that links a nickname to the official name. */
export function nicknamePassage(town: Town): string {
  return `The ${town.nickname} is a nickname for ${town.name}.`;
}

/** Every passage of the corpus: the town passages first, then the nickname passages. */
export const simCorpus: readonly string[] = [...towns.map(townPassage), ...towns.map(nicknamePassage)];

const namePatterns = towns.map((town) => ({ town, pattern: new RegExp(`\\b${town.name}\\b`, "i") }));

/** The town a text names, by official name or by nickname. */
export function findTown(text: string): { readonly town: Town; readonly byNickname: boolean } | undefined {
  const named = namePatterns.find(({ pattern }) => pattern.test(text));
  if (named) return { town: named.town, byNickname: false };
  const lower = text.toLowerCase();
  const nicknamed = towns.find((town) => lower.includes(town.nickname.toLowerCase()));
  return nicknamed ? { town: nicknamed, byNickname: true } : undefined;
}
