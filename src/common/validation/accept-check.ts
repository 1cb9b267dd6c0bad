import { getMetadataStorage, type ValidationArguments } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/** class-validator's metadata types (its ValidationTypes) that the check below understands. */
const CUSTOM = 'customValidation';
const IS_DEFINED = 'isDefined';
const CONDITIONAL = 'conditionalValidation';
const WHITELIST = 'whitelist';

interface Rule {
  metadata: ValidationMetadata;
  constraintCls: ValidationMetadata['constraintCls'];
}

interface PropertyRules {
  name: string;
  conditions: ((object: object, value: unknown) => boolean)[];
  /** @IsDefined first, then the other validators, in class-validator's order */
  rules: Rule[];
}

/** Whether an instance certainly passes class-validator with whitelist + forbidNonWhitelisted; false = "ask it". */
export type AcceptCheck = (instance: object) => boolean;

/**
 * A synchronous, allocation-light stand-in for class-validator's `validate()` that can only say "valid": it runs
 * the very validator functions the DTO's decorators registered (so every built-in and custom constraint means the
 * same), in class-validator's order and with its arguments, but without building error objects, promises or the
 * executor. Anything it does not model (nested or promise validation, async constraints, a constraint
 * answering with a promise) makes it give up, and anything failing makes it say false: the caller then runs
 * class-validator itself, which produces the exact error. So it can change how fast a request is accepted, never
 * what is accepted or how a refusal reads.
 *
 * Returns null for a class it cannot check at all (class-validator would refuse a class without metadata as an
 * unknown value, and that answer is left to it).
 */
export function compileAcceptCheck(target: new () => object): AcceptCheck | null {
  const storage = getMetadataStorage();
  // Arguments as ValidationExecutor passes them without groups: no schema, always = false, strictGroups = false.
  const metadatas = storage.getTargetValidationMetadatas(
    target,
    undefined as unknown as string,
    false,
    false,
    undefined,
  );
  if (metadatas.length === 0) {
    return null;
  }
  const grouped = storage.groupByPropertyName(metadatas);
  const allowed = new Set<string>();
  const properties: PropertyRules[] = [];
  for (const [name, list] of Object.entries(grouped)) {
    if (list.length > 0) {
      allowed.add(name);
    }
    const conditions: PropertyRules['conditions'] = [];
    const defined: Rule[] = [];
    const custom: Rule[] = [];
    for (const metadata of list) {
      if (metadata.type === CONDITIONAL) {
        conditions.push(metadata.constraints[0] as PropertyRules['conditions'][number]);
      } else if (metadata.type === CUSTOM || metadata.type === IS_DEFINED) {
        const constraints = storage.getTargetValidatorConstraints(metadata.constraintCls);
        if (constraints.length === 0 || constraints.some((c) => c.async)) {
          return null;
        }
        (metadata.type === IS_DEFINED ? defined : custom).push({
          metadata,
          constraintCls: metadata.constraintCls,
        });
      } else if (metadata.type !== WHITELIST) {
        // nested, promise or any other kind of validation: class-validator decides
        return null;
      }
    }
    properties.push({ name, conditions, rules: [...defined, ...custom] });
  }
  const targetName = target.name;

  return (instance: object): boolean => {
    for (const key of Object.keys(instance)) {
      if (!allowed.has(key)) {
        return false;
      }
    }
    for (const property of properties) {
      const value = (instance as Record<string, unknown>)[property.name];
      if (!property.conditions.every((condition) => condition(instance, value))) {
        continue;
      }
      for (const { metadata, constraintCls } of property.rules) {
        if (metadata.validateIf && !metadata.validateIf(instance, value)) {
          continue;
        }
        const args: ValidationArguments = {
          targetName,
          property: property.name,
          object: instance,
          value,
          constraints: metadata.constraints,
        };
        const items = metadata.each ? itemsOf(value) : undefined;
        for (const constraint of storage.getTargetValidatorConstraints(constraintCls)) {
          const validator = constraint.instance;
          if (
            items === undefined
              ? !passes(validator.validate(value, args))
              : !items.every((item) => passes(validator.validate(item, args)))
          ) {
            return false;
          }
        }
      }
    }
    return true;
  };
}

/** class-validator validates `each` item of an array, a Set or a Map's values, and anything else as a whole. */
function itemsOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) {
    return value as unknown[];
  }
  return value instanceof Set || value instanceof Map
    ? [...(value.values() as Iterable<unknown>)]
    : undefined;
}

/** A promise is not an answer here: class-validator awaits it, so it decides. */
function passes(result: unknown): boolean {
  return (
    Boolean(result) &&
    !(result instanceof Promise) &&
    typeof (result as { then?: unknown }).then !== 'function'
  );
}
