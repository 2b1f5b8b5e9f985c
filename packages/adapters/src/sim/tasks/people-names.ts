import type { Rng } from "@lathe/core";
import { pick } from "../draw.js";

export const firstNames = [
  "Ana",
  "Ben",
  "Carla",
  "Dmitri",
  "Elif",
  "Farah",
  "Goran",
  "Hana",
  "Ivo",
  "Jonas",
  "Kira",
  "Luca",
  "Mina",
  "Nils",
  "Olga",
  "Pavel",
  "Rosa",
  "Sami",
  "Tara",
  "Umar",
  "Vera",
  "Wen",
  "Yusuf",
  "Zoe",
] as const;

export const lastNames = [
  "Ruiz",
  "Okafor",
  "Diaz",
  "Lind",
  "Sato",
  "Haddad",
  "Novak",
  "Berg",
  "Keller",
  "Moreau",
  "Tanaka",
  "Costa",
  "Ward",
  "Ivanova",
  "Mensah",
  "Silva",
  "Brandt",
  "Quinn",
  "Patel",
  "Holm",
  "Varga",
  "Egan",
  "Fischer",
  "Aziz",
] as const;

export function randomPerson(rng: Rng): string {
  return `${pick(firstNames, rng)} ${pick(lastNames, rng)}`;
}

/** `count` different people. */
export function randomPeople(rng: Rng, count: number): string[] {
  const people = new Set<string>();
  while (people.size < count) people.add(randomPerson(rng));
  return [...people];
}
