// A small JSON Schema (2020-12) validator for exactly the keywords our published schema uses:
// type, const, enum, properties, required, additionalProperties (false or a schema), items,
// maxItems, maxProperties, minLength, maxLength, pattern, minimum, maximum, oneOf, $ref to "#/$defs/…". Any other keyword throws, so
// the schema cannot silently grow beyond what this checker understands. No dependency is
// available for a full validator; this follows the spec's wording for each keyword it knows.

const KNOWN = new Set([
  '$schema', '$id', '$defs', 'title', 'description', 'type', 'const', 'enum', 'properties', 'required',
  'additionalProperties', 'items', 'maxItems', 'maxProperties', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'oneOf', '$ref',
]);

export function validateAgainstSchema(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  check(root, root, value, '', errors);
  return errors;
}

function check(root: Schema, schema: Schema, value: unknown, path: string, errors: string[]): void {
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key)) throw new Error(`The schema uses "${key}", which this checker does not implement`);
  }
  if (schema.$ref) {
    const name = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name ? root.$defs?.[name] : undefined;
    if (!target) throw new Error(`Unresolvable $ref ${schema.$ref}`);
    check(root, target, value, path, errors);
  }
  if (schema.type !== undefined && !hasType(value, schema.type)) errors.push(`${path}: not ${schema.type}`);
  if ('const' in schema && !deepEqual(value, schema.const)) errors.push(`${path}: not the constant`);
  if (schema.enum && !schema.enum.some((option) => deepEqual(value, option))) errors.push(`${path}: not in enum`);
  if (typeof value === 'string') checkString(schema, value, path, errors);
  if (typeof value === 'number') checkNumber(schema, value, path, errors);
  if (Array.isArray(value) && schema.items) value.forEach((item, index) => check(root, schema.items!, item, `${path}/${index}`, errors));
  if (Array.isArray(value) && schema.maxItems !== undefined && value.length > schema.maxItems) errors.push(`${path}: more than ${schema.maxItems} items`);
  if (isObject(value)) checkObject(root, schema, value, path, errors);
  if (schema.oneOf) {
    const passing = schema.oneOf.filter((option) => validateWith(root, option, value).length === 0).length;
    if (passing !== 1) errors.push(`${path}: matches ${passing} of oneOf`);
  }
}

function checkString(schema: Schema, value: string, path: string, errors: string[]): void {
  // JSON Schema counts string length in code points, not UTF-16 units.
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength) errors.push(`${path}: shorter than ${schema.minLength}`);
  if (schema.maxLength !== undefined && length > schema.maxLength) errors.push(`${path}: longer than ${schema.maxLength}`);
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path}: does not match ${schema.pattern}`);
}

function checkNumber(schema: Schema, value: number, path: string, errors: string[]): void {
  if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
  if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${path}: above ${schema.maximum}`);
}

function checkObject(root: Schema, schema: Schema, value: Record<string, unknown>, path: string, errors: string[]): void {
  for (const key of schema.required ?? []) {
    if (!(key in value)) errors.push(`${path}: missing ${key}`);
  }
  if (schema.maxProperties !== undefined && Object.keys(value).length > schema.maxProperties) errors.push(`${path}: more than ${schema.maxProperties} properties`);
  for (const [key, child] of Object.entries(value)) {
    const property = schema.properties?.[key];
    if (property) check(root, property, child, `${path}/${key}`, errors);
    else if (schema.additionalProperties === false) errors.push(`${path}: unexpected ${key}`);
    else if (typeof schema.additionalProperties === 'object') check(root, schema.additionalProperties, child, `${path}/${key}`, errors);
  }
}

function validateWith(root: Schema, schema: Schema, value: unknown): string[] {
  const errors: string[] = [];
  check(root, schema, value, '', errors);
  return errors;
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return typeof value === 'number' && Number.isInteger(value);
  if (type === 'number') return typeof value === 'number';
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isObject(value);
  if (type === 'null') return value === null;
  return typeof value === type;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface Schema {
  $ref?: string;
  $defs?: Record<string, Schema>;
  type?: string;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  maxItems?: number;
  maxProperties?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  oneOf?: Schema[];
  [key: string]: unknown;
}
