// A JSON Schema as a field table: name, type, required, constraints and description, nested objects indented.
export type JsonSchema = Record<string, unknown>;

const refName = (ref: unknown) => String(ref).split("/").pop()!;

function describeType(s: JsonSchema): string {
  if (s.$ref) return refName(s.$ref);
  if (s.anyOf) return [...new Set((s.anyOf as JsonSchema[]).map(describeType))].join(" | ");
  if (s.enum) return (s.enum as unknown[]).map((v) => JSON.stringify(v)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.type === "array") return `${describeType((s.items as JsonSchema) ?? {})}[]`;
  if (s.type === "object" && !s.properties) return "object";
  if (Array.isArray(s.type)) return s.type.join(" | ");
  return String(s.type ?? "any");
}

function constraints(s: JsonSchema): string[] {
  const out: string[] = [];
  const inner = (s.anyOf as JsonSchema[] | undefined)?.find((x) => x.type !== "null") ?? s;
  if (inner.minLength !== undefined || inner.maxLength !== undefined) out.push(`length ${inner.minLength ?? 0}–${inner.maxLength ?? "∞"}`);
  if (inner.exclusiveMinimum !== undefined) out.push(`> ${inner.exclusiveMinimum}`);
  if (inner.minimum !== undefined && Number(inner.minimum) > -Number.MAX_SAFE_INTEGER) out.push(`≥ ${inner.minimum}`);
  if (inner.maximum !== undefined && Number(inner.maximum) < Number.MAX_SAFE_INTEGER) out.push(`≤ ${inner.maximum}`);
  // the exact-double bound matters where a client sends an amount, not on every integer answered
  if (inner.maximum === Number.MAX_SAFE_INTEGER && (Number(inner.minimum) >= 0 || inner.exclusiveMinimum !== undefined)) out.push("≤ 2^53 − 1");
  if (inner.format) out.push(String(inner.format));
  return out;
}

function objectOf(schema: JsonSchema, schemas: Record<string, JsonSchema>, expandRefs: boolean): JsonSchema | null {
  if (schema.properties) return schema;
  if (schema.$ref && expandRefs) {
    const target = schemas[refName(schema.$ref)];
    return target?.properties ? target : null;
  }
  return null;
}

export function SchemaView({
  schema,
  schemas,
  expandRefs = false,
  depth = 0,
}: {
  schema: JsonSchema;
  schemas: Record<string, JsonSchema>;
  expandRefs?: boolean;
  depth?: number;
}) {
  // a body that is a named schema: show its fields, once
  const obj = objectOf(schema, schemas, expandRefs || depth === 0);
  if (!obj)
    return (
      <p className="font-mono text-xs text-slate-600">
        {schema.$ref ? (
          <a className="underline" href={`#schema-${refName(schema.$ref)}`}>
            {refName(schema.$ref)}
          </a>
        ) : (
          describeType(schema)
        )}
      </p>
    );
  const required = new Set((obj.required as string[] | undefined) ?? []);
  return (
    <table className="w-full text-left text-sm">
      <tbody className="divide-y divide-slate-100">
        {Object.entries(obj.properties as Record<string, JsonSchema>).map(([name, prop]) => {
          const nested = depth < 2 && prop.type === "object" && prop.properties ? prop : null;
          const items = prop.type === "array" ? (prop.items as JsonSchema) : null;
          return (
            <tr key={name} className="align-top">
              <td className="py-1.5 pr-4 font-mono whitespace-nowrap" style={{ paddingLeft: `${depth * 1}rem` }}>
                {name}
                {required.has(name) && <span className="text-rose-600">*</span>}
              </td>
              <td className="py-1.5 pr-4 font-mono text-xs text-slate-600">
                {prop.$ref ? (
                  <a className="underline" href={`#schema-${refName(prop.$ref)}`}>
                    {refName(prop.$ref)}
                  </a>
                ) : items?.$ref ? (
                  <a className="underline" href={`#schema-${refName(items.$ref)}`}>
                    {refName(items.$ref)}[]
                  </a>
                ) : (
                  describeType(prop)
                )}
              </td>
              <td className="py-1.5 text-slate-600">
                {prop.description as string | undefined}
                {constraints(prop).length > 0 && <span className="ml-1 text-xs text-slate-400">({constraints(prop).join(", ")})</span>}
                {nested && <SchemaView schema={nested} schemas={schemas} depth={depth + 1} />}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
