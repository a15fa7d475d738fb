package calibrate_test

import (
	"errors"
	"os"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/calibrate"
)

// lokSabha builds the documented backtests from SEATSHARE_DATA, or skips.
func lokSabha(t testing.TB) (train, test *calibrate.Backtest) {
	t.Helper()
	var es [3]*seatshare.Election
	for i, year := range []int{2009, 2014, 2019} {
		e, err := seatshare.OpenData(year)
		if errors.Is(err, seatshare.ErrNoData) {
			t.Skip(err)
		}
		if err != nil {
			t.Fatal(err)
		}
		es[i] = e
	}
	trainPair, testPair, err := calibrate.LokSabhaPairs(es[0], es[1], es[2])
	if err != nil {
		t.Fatal(err)
	}
	if train, err = calibrate.NewBacktest(trainPair); err != nil {
		t.Fatal(err)
	}
	if test, err = calibrate.NewBacktest(testPair); err != nil {
		t.Fatal(err)
	}
	return train, test
}

func TestLokSabhaReport(t *testing.T) {
	train, test := lokSabha(t)
	r, err := calibrate.Run(train, test, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.WriteText(os.Stdout)
}
