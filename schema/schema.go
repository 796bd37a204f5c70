// Package schema embeds the CUE schemas of designlint: #Design, which
// structured design documents are validated against, and #Config, which
// validates .designlint.yaml and .designlint.cue.
package schema

import _ "embed"

// Design is the source of design.cue, defining #Design.
//
//go:embed design.cue
var Design string

// Config is the source of config.cue, defining #Config.
//
//go:embed config.cue
var Config string
