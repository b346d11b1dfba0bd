// The search box: case- and diacritic-insensitive suggestions as you type; Enter or a
// click opens the chosen node.
import { useId, useState } from "react";
import type { KnowledgeGraph } from "../../../src/graph/types.ts";
import { KIND_COLORS } from "../kinds.ts";
import type { Suggestion } from "../search.ts";

export interface SearchBoxProps {
  graph: KnowledgeGraph;
  query: string;
  suggestions: Suggestion[];
  onQuery(query: string): void;
  onPick(node: string): void;
  /** Enter while no suggestion is listed yet (the search answers asynchronously): pick the first when it comes. */
  onPickFirst?(): void;
}

export function SearchBox({ graph, query, suggestions, onQuery, onPick, onPickFirst }: SearchBoxProps) {
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const expanded = open && suggestions.length > 0;
  const pick = (suggestion: Suggestion | undefined) => {
    if (!suggestion) return;
    setOpen(false);
    onPick(suggestion.key);
  };
  return (
    // The ARIA 1.2 combobox pattern: the input is the combobox, it controls the list of
    // options, and the active option is announced through aria-activedescendant.
    <div className="search">
      <input
        type="search"
        name="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        placeholder="Tìm: pham binh minh, hncc 37…"
        aria-label="Tìm kiếm"
        autoComplete="off"
        value={query}
        onChange={(event) => {
          onQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") setActive((index) => Math.min(index + 1, suggestions.length - 1));
          else if (event.key === "ArrowUp") setActive((index) => Math.max(index - 1, 0));
          else if (event.key === "Enter") {
            if (suggestions.length > 0) pick(suggestions[active] ?? suggestions[0]);
            else if (query.trim()) {
              setOpen(false);
              onPickFirst?.();
            }
          }
          else if (event.key === "Escape") setOpen(false);
          else return;
          event.preventDefault();
        }}
      />
      {open && suggestions.length > 0 && (
        <ul className="suggestions" role="listbox" id={listId} aria-label="Gợi ý" data-testid="suggestions">
          {suggestions.map((suggestion, index) => {
            const kind = graph.hasNode(suggestion.key) ? graph.getNodeAttribute(suggestion.key, "kind") : null;
            return (
              <li
                key={suggestion.key}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? "active" : ""}
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(suggestion);
                }}
              >
                <span className="swatch" style={{ background: kind ? KIND_COLORS[kind] : undefined }} />
                {suggestion.label}
                {kind && <small> · {kind}</small>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
