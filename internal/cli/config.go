package cli

import (
	"os"
	"path/filepath"

	"github.com/designlint/designlint/internal/config"
)

// loadConfig reads the configuration named by --config, or the nearest
// .designlint.yaml or .designlint.cue from the working directory up, or
// returns the defaults when there is none. A configuration that cannot be
// used is a tool failure with its position.
func loadConfig(g *globalOptions) (*config.Config, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, failure("cannot find the working directory: %v", err)
	}
	path := g.config
	if path == "" {
		if path, err = config.Find(wd); err != nil {
			return nil, failure("looking for a configuration: %v", err)
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
