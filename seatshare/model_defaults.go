package seatshare

import (
	"fmt"
	"strings"
)

// The calibrated defaults of the win-probability model. Package
// seatshare/calibrate fitted them by maximum likelihood on the real
// 2009 -> 2014 Lok Sabha results with the blocs' 2009 alliances split in
// the base strengths, as the planner splits a scenario's alliances, and
// one swing per state (the fit that separates the swing from the
// seat-level error; see "Alliance splitting" in its package
// documentation): probit sigma 0.2089, default transfer rate 0.4728 for
// both blocs, lambda 0.0000. Out of sample on 2014 -> 2019 with zero swing
// they give log loss 0.4587, Brier 0.1411 and AUC 0.7309, better than both
// baselines there. The constants are those figures rounded to three
// decimals, and TestDefaultsMatchFit in seatshare/calibrate refits them
// from SEATSHARE_DATA and fails when the rounded fit differs. The swing
// defaults to zero: a state's swing is not known before the election.
const (
	// DefaultSigma is the probit link's sigma, in vote-share points.
	DefaultSigma = 0.209
	// DefaultTransfer is the default transfer rate of the alliance's and
	// the rival bloc's transfer matrices.
	DefaultTransfer = 0.473
	// DefaultLambda is the part of the alliance's untransferred vote that
	// goes to the rival.
	DefaultLambda = 0.0
)

// DefaultModel returns the calibrated model: the probit link with
// DefaultSigma, DefaultTransfer for the alliance and the rival bloc,
// DefaultLambda, zero swing, no adjustments and no copula (a simulation
// still needs one). A scenario's missing model parameters take these
// values (see ModelSpec).
func DefaultModel() ModelSpec {
	tr, rtr, lambda := DefaultTransfer, DefaultTransfer, DefaultLambda
	return ModelSpec{
		Transfer:      &TransferSpec{Default: &tr},
		RivalTransfer: &TransferSpec{Default: &rtr},
		Lambda:        &lambda,
		Link:          &LinkSpec{Probit: &ProbitSpec{Sigma: DefaultSigma}},
	}
}

// withModelDefaults returns s with the missing model parameters set from
// DefaultModel, and the fields it set, in the order of ModelSpec. The
// rival transfer is set only for a rival bloc of two or more parties.
// s is not modified; the copy shares every other field with it.
func (s *Scenario) withModelDefaults() (*Scenario, []string) {
	c := *s
	m := &c.Model
	d := DefaultModel()
	var set []string
	switch {
	case m.Transfer == nil:
		m.Transfer = d.Transfer
		set = append(set, "model.transfer")
	case m.Transfer.Default == nil:
		tr := *m.Transfer
		tr.Default = d.Transfer.Default
		m.Transfer = &tr
		set = append(set, "model.transfer.default")
	}
	if len(s.Rival) >= 2 {
		switch {
		case m.RivalTransfer == nil:
			m.RivalTransfer = d.RivalTransfer
			set = append(set, "model.rival_transfer")
		case m.RivalTransfer.Default == nil:
			tr := *m.RivalTransfer
			tr.Default = d.RivalTransfer.Default
			m.RivalTransfer = &tr
			set = append(set, "model.rival_transfer.default")
		}
	}
	if m.Lambda == nil {
		m.Lambda = d.Lambda
		set = append(set, "model.lambda")
	}
	if m.Link == nil {
		m.Link = d.Link
		set = append(set, "model.link")
	}
	return &c, set
}

// describe writes the model's parameters on one line for reports; custom
// names the caller's own link (Plan.CustomLink), "" for none.
func (m *ModelSpec) describe(custom string) string {
	var parts []string
	if custom != "" {
		parts = append(parts, "link: custom ("+custom+")")
	} else if l := m.Link; l != nil && l.Probit != nil {
		parts = append(parts, fmt.Sprintf("probit sigma %g", l.Probit.Sigma))
	} else if l != nil && l.Logistic != nil {
		parts = append(parts, fmt.Sprintf("logistic scale %g", l.Logistic.Scale))
	}
	tr := func(name string, t *TransferSpec) {
		if t == nil || t.Default == nil {
			return
		}
		s := fmt.Sprintf("%s %g", name, *t.Default)
		if n := len(t.Pairs); n > 0 {
			s += " (" + plural(n, "pair rate") + ")"
		}
		parts = append(parts, s)
	}
	tr("transfer", m.Transfer)
	tr("rival transfer", m.RivalTransfer)
	if m.Lambda != nil {
		parts = append(parts, fmt.Sprintf("lambda %g", *m.Lambda))
	}
	sw := fmt.Sprintf("swing %+g points", 100*m.Swing.National)
	if n := len(m.Swing.States); n > 0 {
		sw += " (" + plural(n, "state swing") + ")"
	}
	parts = append(parts, sw)
	if n := len(m.Adjust); n > 0 {
		parts = append(parts, plural(n, "adjustment"))
	}
	return strings.Join(parts, "; ")
}

// plural writes "1 thing" or "n things".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
