package chart_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDomainDoesNotDraw checks the rule that keeps plotting out of the
// domain: solver, scoring and seatshare (and the command-free packages
// under them, except chart) never depend on gonum.org/v1/plot, while chart
// does. It asks the go command, so it is skipped without one.
func TestDomainDoesNotDraw(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command in PATH")
	}
	const mod = "github.com/coalitionlab/alliance/"
	deps := func(pkg string) []string {
		out, err := exec.Command(gobin, "list", "-e", "-deps", "-f", "{{.ImportPath}}", mod+pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		return strings.Fields(string(out))
	}
	plots := func(list []string) bool {
		for _, p := range list {
			if strings.HasPrefix(p, "gonum.org/v1/plot") {
				return true
			}
		}
		return false
	}
	for _, pkg := range []string{"solver", "scoring", "seatshare"} {
		if plots(deps(pkg)) {
			t.Errorf("package %s depends on gonum.org/v1/plot; only packages that draw may", pkg)
		}
	}
	if !plots(deps("seatshare/chart")) {
		t.Error("package seatshare/chart does not depend on gonum.org/v1/plot; the check above proves nothing")
	}
}
