// Package testenv finds the outside tools some tests check designlint's
// output against (Node.js packages that .ci/run installs), skipping those
// tests when the tools are missing, or failing them when CI requires them.
package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// Require skips the test because what is missing, or fails it when
// DESIGNLINT_REQUIRE_EXTERNAL is set (as .ci/run does after installing the
// tools), so that CI can never pass by skipping.
func Require(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("DESIGNLINT_REQUIRE_EXTERNAL") != "" {
		t.Fatalf("%s is not available but DESIGNLINT_REQUIRE_EXTERNAL is set", what)
	}
	t.Skipf("%s is not available (bash .ci/run installs it)", what)
}

// NodeModules returns the node_modules directory holding pkg: the one
// DESIGNLINT_NODE_MODULES names, else .ci/node_modules in the module.
func NodeModules(t testing.TB, pkg string) string {
	t.Helper()
	dir := os.Getenv("DESIGNLINT_NODE_MODULES")
	if dir == "" {
		dir = filepath.Join(ModuleRoot(t), ".ci", "node_modules")
	}
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(pkg))); err != nil {
		Require(t, pkg)
	}
	return dir
}

// ModuleRoot is the directory of go.mod above the test's package.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = parent
	}
}
