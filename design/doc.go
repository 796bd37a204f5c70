// Package design reads system-design documents into designlint's model.
//
// A document is Markdown (sections found by their headings, values read
// from labels, tables, fenced cue/yaml/json blocks and common sentence
// forms, components from sub-headings, tables and Mermaid flowcharts) or
// structured: CUE, JSON or YAML with the fields of the embedded #Design
// schema. Both end up as one Design, whose every element carries its
// position in the source, so rules never see goldmark or CUE values.
//
// Reading is defensive: documents come from strangers. Sizes, binary content
// and invalid UTF-8 are refused before parsing, Markdown that would make the
// parser work super-linearly is screened out, and CUE documents are compiled
// one file at a time with imports and attributes checked first.
package design
