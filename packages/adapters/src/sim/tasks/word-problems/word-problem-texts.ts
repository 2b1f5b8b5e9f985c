import type { Rng } from "@lathe/core";
import { pick } from "../../draw.js";
import { chooseCategory } from "../choose-category.js";
import { firstNames } from "../people-names.js";
import {
  arithmeticRules,
  centsRule,
  dozenRule,
  percentOffRule,
  remainingRule,
  roundUpRule,
} from "./arithmetic-rules.js";

const items = ["stickers", "marbles", "pencils", "cards", "stamps", "shells", "beads"] as const;
const removals = [
  "gave {b} to a friend",
  "lost {b} at school",
  "used {b} for a project",
  "sold {b} at the market",
] as const;
const products = [
  "jacket",
  "lamp",
  "backpack",
  "kettle",
  "chair",
  "helmet",
  "blender",
  "tent",
  "scooter",
  "printer",
  "guitar",
  "rug",
] as const;
const groups = [
  { people: "students", unit: "bus", units: "buses" },
  { people: "players", unit: "van", units: "vans" },
  { people: "guests", unit: "table", units: "tables" },
  { people: "tourists", unit: "boat", units: "boats" },
] as const;
const supplies = ["pen", "notebook", "eraser", "ruler", "stapler", "folder"] as const;
const bakes = ["muffins", "bagels", "cookies", "rolls"] as const;

const dollars = (cents: number) => (cents / 100).toFixed(2);

/** One word problem; at most one hidden rule is triggered. */
export function writeWordProblem(rng: Rng): string {
  const name = pick(firstNames, rng);
  const item = pick(items, rng);
  const category = chooseCategory(
    rng,
    arithmeticRules.map((rule) => [rule.id, rule.rate] as const),
    "none",
  );
  if (category === remainingRule.id) {
    const a = rng.int(30, 90);
    const b = rng.int(5, a - 5);
    const removal = pick(removals, rng).replace("{b}", String(b));
    return `${name} had ${a} ${item} and ${removal}. How many ${item} does ${name} have left?`;
  }
  if (category === percentOffRule.id) {
    const price = 20 * rng.int(2, 16);
    const percent = pick([10, 15, 20, 25, 30, 40], rng);
    return `A ${pick(products, rng)} costs $${price} and is on sale for ${percent}% off. What is the sale price in dollars?`;
  }
  if (category === roundUpRule.id) {
    const group = pick(groups, rng);
    const size = rng.int(6, 15);
    let count = rng.int(20, 95);
    if (count % size === 0) count += 1;
    return `${count} ${group.people} need seats and each ${group.unit} holds ${size} ${group.people}. How many ${group.units} are needed?`;
  }
  if (category === centsRule.id) {
    const [first, second] = [pick(supplies, rng), pick(supplies, rng)];
    const other = first === second ? "marker" : second;
    const [x, y] = [rng.int(105, 995), rng.int(105, 995)];
    return `A ${first} costs $${dollars(x)} and a ${other} costs $${dollars(y)}. How much do they cost together, in cents?`;
  }
  if (category === dozenRule.id) {
    const bake = pick(bakes, rng);
    const other = pick(
      bakes.filter((entry) => entry !== bake),
      rng,
    );
    return `A café orders ${rng.int(2, 9)} dozen ${bake} and ${rng.int(3, 20)} ${other}. How many pastries did it order in total?`;
  }
  if (rng.next() < 0.5) {
    return `${name} has ${rng.int(3, 9)} boxes with ${rng.int(6, 15)} ${item} in each box. How many ${item} does ${name} have?`;
  }
  return `A shop sold ${rng.int(12, 60)} ${item} in the morning and ${rng.int(12, 60)} in the afternoon. How many ${item} did it sell in total?`;
}
