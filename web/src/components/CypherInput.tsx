// The query box of the Cypher console: Neo4j's own editor (@neo4j-cypher/react-codemirror:
// highlighting, completion from the graph's labels and types, linting), loaded only when the
// console is on so the first frame does not wait for it; a plain text area until then.
import { lazy, Suspense } from "react";
import { ENTITY_KINDS, RELATION_TYPES } from "../../../src/graph/types.ts";

const CypherEditor = lazy(async () => ({ default: (await import("@neo4j-cypher/react-codemirror")).CypherEditor }));

/** What completion offers: the labels and relationship types the loader writes. */
const SCHEMA = {
  labels: [...ENTITY_KINDS],
  relationshipTypes: [...RELATION_TYPES],
  propertyKeys: ["key", "label", "aliases", "articles", "titles", "date", "startDate", "endDate", "place", "title", "published", "confidence"],
};

export interface CypherInputProps {
  value: string;
  enabled: boolean;
  placeholder: string;
  onChange(value: string): void;
  onRun(): void;
}

function PlainInput({ value, enabled, placeholder, onChange, onRun }: CypherInputProps) {
  return (
    <textarea
      name="cypher"
      aria-label="Câu truy vấn Cypher"
      spellCheck={false}
      disabled={!enabled}
      placeholder={placeholder}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          onRun();
        }
      }}
    />
  );
}

export function CypherInput(props: CypherInputProps) {
  if (!props.enabled) return <PlainInput {...props} />;
  return (
    <Suspense fallback={<PlainInput {...props} />}>
      <div className="cypher-editor" data-testid="cypher-editor" role="group" aria-label="Câu truy vấn Cypher (Tab để rời ô)">
        <CypherEditor
          value={props.value}
          placeholder={props.placeholder}
          schema={SCHEMA}
          lineNumbers={false}
          theme="light"
          // Keyboard users must be able to pass by: no focus taken on load or on each change,
          // and Tab moves on to the next control instead of indenting.
          autofocus={false}
          autofocusProps={[]}
          tabKey={false}
          onValueChanged={(value: string) => props.onChange(value)}
          onKeyDown={(event: KeyboardEvent) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              props.onRun();
            }
          }}
        />
      </div>
    </Suspense>
  );
}
