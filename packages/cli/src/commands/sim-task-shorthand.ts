import type { SimField, SimTask } from "@lathe/adapters";

/** A sim task's program inputs and outputs as a signature shorthand, for `--signature`. */
export function simTaskShorthand(task: SimTask): string {
  const side = (fields: readonly SimField[]) => fields.map(fieldText).join(", ");
  return `${side(task.inputs)} -> ${side(task.outputs)}`;
}

function fieldText(field: SimField): string {
  if (field.type === "enum") return `${field.name}: enum(${(field.values ?? []).join("|")})`;
  return `${field.name}: ${field.type}`;
}
