// Package cli ends the example programs the way the seatshare command
// does, so that every example exits with the same codes.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/coalitionlab/alliance/seatshare"
)

// Exit ends the program after its run returned err: status 0 on success
// and after -h, 1 when the demands cannot all be met
// (seatshare.ErrInfeasible), 2 for any other error. The error goes to
// stderr.
func Exit(err error) {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case errors.Is(err, seatshare.ErrInfeasible):
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	default:
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
