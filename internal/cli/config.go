package cli

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/designlint/designlint/internal/config"
)

// loadConfig reads the configuration named by --config, or else the one
// that governs the paths being linted: the nearest .designlint.yaml or
// .designlint.cue from each path's directory up (from the working
// directory when there is no path). Paths governed by different files are
// refused rather than linted under a guess. With no file at all, the
// defaults apply. A configuration that cannot be used is a tool failure
// with its position.
func loadConfig(g *globalOptions, paths []string) (*config.Config, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, failure("cannot find the working directory: %v", err)
	}
	path := g.config
	if path == "" {
		if path, err = findConfig(wd, paths); err != nil {
			return nil, err
		}
		if path == "" {
			return config.Default(wd), nil
		}
		// Name it as the user would: relative to where they are.
		if rel, err := filepath.Rel(wd, path); err == nil {
			path = rel
		}
	}
	c, err := config.Load(path)
	if err != nil {
		return nil, failure("invalid configuration: %v", err)
	}
	return c, nil
}

// findConfig returns the configuration file governing the paths, or ""
// when there is none.
func findConfig(wd string, paths []string) (string, error) {
	found := map[string][]string{}
	for _, p := range paths {
		if p == "-" || p == "" {
			continue
		}
		dir := p
		if st, err := os.Stat(p); err != nil || !st.IsDir() {
			dir = filepath.Dir(p)
		}
		c, err := config.Find(dir)
		if err != nil {
			return "", failure("looking for a configuration for %s: %v", p, err)
		}
		found[c] = append(found[c], p)
	}
	if len(found) == 0 {
		c, err := config.Find(wd)
		if err != nil {
			return "", failure("looking for a configuration: %v", err)
		}
		return c, nil
	}
	if len(found) == 1 {
		for c := range found {
			return c, nil
		}
	}
	var parts []string
	for c, ps := range found {
		name := "no configuration"
		if c != "" {
			name = c
			if rel, err := filepath.Rel(wd, c); err == nil {
				name = rel
			}
		}
		parts = append(parts, name+" for "+listSome(ps, 2))
	}
	sort.Strings(parts)
	return "", failure("the paths fall under different configurations (%s); lint them separately or choose one with --config", strings.Join(parts, "; "))
}

// repoRoot is the directory report paths are relative to: the top of the
// Git work tree holding the working directory (what code scanning and
// annotations expect), else the working directory itself.
func repoRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return wd
		}
		dir = parent
	}
}
